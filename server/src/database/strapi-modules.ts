import path from 'path';

/**
 * The file of a module as Strapi's own database layer loads it (knex, the
 * SQL drivers), for threads that must open the same one: from
 * @strapi/database's folder first, then from the app's.
 */
export const strapiModulePath = (name: string): string | null => {
  for (const from of [path.dirname(require.resolve('@strapi/database')), process.cwd()]) {
    try {
      return require.resolve(name, { paths: [from] });
    } catch {
      // next
    }
  }
  return null;
};
