import type { ScheduleRule } from './rule';

/** A recurring task: runs once per due time across every instance. `due`: the due time it stands for (ms). */
export interface Schedule {
  name: string;
  rule: ScheduleRule;
  task: (due: number) => Promise<unknown>;
}
