import type { Core } from '@strapi/strapi';
import { createSchedules } from '../schedules';
import { getService } from '../utils/get-service';

/**
 * Recurring tasks of the plugin (segment refresh, housekeeping, and what
 * other capabilities register at bootstrap), once per due time across
 * every instance: `register(name, rule, task)`.
 */
const createSchedulesService = ({ strapi }: { strapi: Core.Strapi }) => {
  let schedules: ReturnType<typeof createSchedules> | null = null;
  const get = () => (schedules ??= createSchedules(strapi, { redis: getService('queue').redis(), runJobs: getService('queue').runsJobs() }));
  return {
    register: (name: string, rule: string, task: (due: number) => Promise<unknown>) => get().register(name, rule, task),
    start: () => get().start(),
    stop: async () => {
      await schedules?.stop();
      schedules = null;
    },
    names: () => schedules?.names() ?? [],
  };
};

export default createSchedulesService;
export type SchedulesService = ReturnType<typeof createSchedulesService>;
