import type { Core } from '@strapi/strapi';
import { stopRowSchedules } from './schedules';
import { getService } from './utils/get-service';

/** Schedules stop; running imports finish their batch and hand their lease over before the database closes. */
const destroy = async (_: { strapi: Core.Strapi }) => {
  await getService('schedules').stop();
  await stopRowSchedules();
  await getService('queue').stop();
};

export default destroy;
