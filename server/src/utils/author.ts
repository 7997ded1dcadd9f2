import type { Knex } from 'knex';
import type { Author } from '../../../shared/authors';
import { relationColumnOf, tables } from '../database/tables';

/** The admin user's fields an author shows; the Query Engine's populate of `createdBy` for them. */
const AUTHOR_FIELDS = ['id', 'firstname', 'lastname', 'email'] as const;
export const AUTHOR_POPULATE = { createdBy: { select: [...AUTHOR_FIELDS] } };

/** The author of an entity read with AUTHOR_POPULATE. */
export const authorOf = (user: Record<string, any> | null | undefined): Author | null =>
  user ? { id: user.id, firstname: user.firstname ?? null, lastname: user.lastname ?? null, email: user.email ?? null } : null;

/** Column of an author's field in a row read through withAuthor. */
const joined = (field: string) => `author_${field}`;

/** A knex query on the table of `uid` (as `alias`), its rows joined with their author's fields. */
export const withAuthor = (query: Knex.QueryBuilder, alias: string, uid: string): Knex.QueryBuilder =>
  query
    .leftJoin(`${tables().adminUsers} as author`, 'author.id', `${alias}.${relationColumnOf(uid, 'createdBy')}`)
    .select(`${alias}.*`, ...AUTHOR_FIELDS.map((f) => `author.${f} as ${joined(f)}`));

/** The author of a row read through withAuthor (null when it has none, or its admin user is gone). */
export const authorOfRow = (r: Record<string, any>): Author | null =>
  r[joined('id')] ? authorOf(Object.fromEntries(AUTHOR_FIELDS.map((f) => [f, r[joined(f)]]))) : null;
