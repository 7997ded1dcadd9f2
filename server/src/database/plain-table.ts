import type { Knex } from 'knex';

/**
 * Creates one of the plugin's plain tables (history, locks, schedule runs,
 * refresh jobs: bookkeeping Strapi leaves alone) unless it exists. Several
 * instances may start together: one that loses the race to create it finds it made.
 */
export const ensurePlainTable = async (knex: Knex, name: string, build: (t: Knex.CreateTableBuilder) => void) => {
  if (await knex.schema.hasTable(name)) return;
  try {
    await knex.schema.createTable(name, build);
  } catch (error) {
    if (!(await knex.schema.hasTable(name))) throw error;
  }
};
