import type { Core } from '@strapi/strapi';

const pending = new Set<Promise<void>>();
let stopping = false;

/** True while the plugin shuts down: long background work (a dry run, a backfill) leaves at its next step. */
export const isStopping = () => stopping;

/**
 * Work the plugin starts without awaiting it (a dry run, a folded-copies
 * backfill, a preview count). Its error is logged, never unhandled, and the
 * plugin's destroy waits for it: a query still waiting for a connection when
 * Strapi closes the pool would otherwise fail with "aborted".
 */
export const inBackground = (strapi: Core.Strapi, what: string, work: () => Promise<unknown>): Promise<void> => {
  const task: Promise<void> = Promise.resolve()
    .then(work)
    .then(
      () => undefined,
      (error) => {
        strapi.log.warn(`[contacts] ${what}: ${(error as Error)?.message ?? error}`);
      }
    )
    .finally(() => pending.delete(task));
  pending.add(task);
  return task;
};

/** Asks the background work to leave and waits for all of it (work it starts meanwhile included). */
export const settleBackground = async () => {
  stopping = true;
  try {
    while (pending.size) await Promise.all(Array.from(pending));
  } finally {
    // Tests boot several apps in one process, one after the other.
    stopping = false;
  }
};
