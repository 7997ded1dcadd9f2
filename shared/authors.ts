/**
 * Who made an import, an export or a schedule, as the admin API answers it
 * (null: the CLI, a schedule's own run, or a deleted admin user). No imports:
 * the admin bundle reads this file as it is.
 */
export interface Author {
  id: number;
  firstname: string | null;
  lastname: string | null;
  email: string | null;
}
