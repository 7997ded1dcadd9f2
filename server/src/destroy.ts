import type { Core } from '@strapi/strapi';
import { stopHousekeeping } from './bootstrap';
import { stopScheduler } from './schedules';
import { getService } from './utils/get-service';

/** Running imports finish their batch and hand their lease over before the database closes. */
const destroy = async (_: { strapi: Core.Strapi }) => {
  stopHousekeeping();
  await stopScheduler();
  await getService('queue').stop();
};

export default destroy;
