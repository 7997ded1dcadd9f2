import type { Core } from '@strapi/strapi';
import { stopRowSchedules } from './schedules';
import { settleBackground } from './utils/background';
import { getService } from './utils/get-service';

/**
 * Schedules stop; running jobs finish their batch and hand their lease over,
 * and the work they started in the background ends, before the database closes.
 */
const destroy = async (_: { strapi: Core.Strapi }) => {
  await getService('schedules').stop();
  await stopRowSchedules();
  await settleBackground();
  await getService('queue').stop();
  // What the last batches started (the end of a job: its event, its schedule run).
  await settleBackground();
};

export default destroy;
