import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Running imports finish their batch and hand their lease over before the database closes. */
const destroy = async (_: { strapi: Core.Strapi }) => {
  await getService('queue').stop();
};

export default destroy;
