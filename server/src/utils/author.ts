import type { Knex } from 'knex';
import type { Author } from '../../../shared/authors';
import { tables } from '../database/tables';

/** The admin user's fields an author shows; the Query Engine's populate of `createdBy` for them. */
const AUTHOR_FIELDS = ['id', 'firstname', 'lastname', 'email'] as const;
export const AUTHOR_POPULATE = { createdBy: { select: [...AUTHOR_FIELDS] } };

/** Strapi's column of the `createdBy` relation on the plugin's content types. */
const CREATED_BY = 'created_by_id';

/** The author of an entity read with AUTHOR_POPULATE. */
export const authorOf = (user: Record<string, any> | null | undefined): Author | null =>
  user ? { id: user.id, firstname: user.firstname ?? null, lastname: user.lastname ?? null, email: user.email ?? null } : null;

/** Column of an author's field in a row read through withAuthor. */
const joined = (field: string) => `author_${field}`;
const JOINED_FIELDS = AUTHOR_FIELDS.filter((f) => f !== 'id');

/** A knex query on a plugin table (`alias`), its rows joined with their author's fields. */
export const withAuthor = (query: Knex.QueryBuilder, alias: string): Knex.QueryBuilder =>
  query
    .leftJoin(`${tables().adminUsers} as author`, 'author.id', `${alias}.${CREATED_BY}`)
    .select(`${alias}.*`, ...JOINED_FIELDS.map((f) => `author.${f} as ${joined(f)}`));

/** The author of a row read through withAuthor (its id from the row's own createdBy column). */
export const authorOfRow = (r: Record<string, any>): Author | null =>
  r[CREATED_BY] ? authorOf({ ...Object.fromEntries(JOINED_FIELDS.map((f) => [f, r[joined(f)]])), id: r[CREATED_BY] }) : null;
