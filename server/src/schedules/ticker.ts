import { due, type ScheduleRule } from './rule';

/** Something run on a schedule: its rule and the last due time it ran for (or its creation). */
export interface Scheduled {
  /** Unique across every kind: the claim is named after it and the due time. */
  key: string;
  rule: ScheduleRule;
  since: Date;
}

export interface ScheduleSource<T extends Scheduled> {
  /** Enabled items, read fresh at each tick (another instance may have run one). */
  list(): Promise<T[]>;
  /** Runs one due time; called only by the instance that claimed it. */
  run(item: T, dueAt: Date): Promise<void>;
}

export interface TickerOptions {
  everyMs: number;
  /** True for the one caller, across every instance, that gets `name` (database/locks.ts claimOnce, or a BullMQ scheduler). */
  claim(name: string): Promise<boolean>;
  /** Work between ticks that is not a due time (settling runs whose job ended). */
  afterTick?(): Promise<void>;
  onError(error: unknown): void;
}

/**
 * The per-instance ticker: every instance looks at every schedule; each due
 * time is claimed by name, so it runs once whatever the number of instances.
 * Kept small so a queue-backed scheduler can replace the claim and the loop.
 */
export const createScheduleTicker = (sources: Array<ScheduleSource<any>>, options: TickerOptions) => {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  const tickOnce = async (now = new Date()) => {
    for (const source of sources) {
      let items: Scheduled[];
      try {
        items = await source.list();
      } catch (error) {
        options.onError(error);
        continue;
      }
      for (const item of items) {
        const at = due(item.rule, item.since, now);
        if (!at) continue;
        try {
          if (await options.claim(`schedule:${item.key}:${at.toISOString()}`)) await source.run(item, at);
        } catch (error) {
          options.onError(error);
        }
      }
    }
    if (options.afterTick) await options.afterTick().catch(options.onError);
  };

  const tick = () => {
    // One tick at a time in a process: a slow fetch must not pile up ticks.
    if (running) return running;
    running = tickOnce().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    tick,
    start() {
      if (timer) return;
      timer = setInterval(() => void tick(), options.everyMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
};
