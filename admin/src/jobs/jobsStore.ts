import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { JobKind } from './jobKinds';

export type { JobKind };

/** How a watched job ended: `outcome` picks the notification (jobs.<kind>.<outcome>), `values` fill it. */
export interface JobEnd {
  outcome: 'ok' | 'failed' | 'stopped';
  values: Record<string, string | number>;
}

export interface Job {
  kind: JobKind;
  /** documentId of the import, the segment… */
  id: string;
  name: string;
  startedAt: string;
  /** What the job's record said before it started (a segment's last refresh time): it ended once that changes. */
  baseline?: string | null;
  end?: JobEnd;
  /** The person looked at the ended job (its page): no badge any more. */
  seen?: boolean;
}

/*
 * The jobs this tab started, outside React so the plugin's menu icon (drawn by
 * Strapi's main menu, outside the plugin's pages) reads the same list, and in
 * sessionStorage so a reload keeps watching.
 */
const STORAGE_KEY = 'strapi-plugin-contacts.jobs';

const read = (): Job[] => {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((j) => j && typeof j.id === 'string' && typeof j.kind === 'string') : [];
  } catch {
    return [];
  }
};

let jobs: Job[] = typeof sessionStorage === 'undefined' ? [] : read();
const listeners = new Set<() => void>();

export const jobsStore = {
  get: () => jobs,
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  update: (fn: (current: Job[]) => Job[]) => {
    const next = fn(jobs);
    if (next === jobs) return;
    jobs = next;
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(jobs));
    } catch {
      // Storage full or disabled: the list still works for this page's life.
    }
    listeners.forEach((l) => l());
  },
};

export const sameJob = (a: Pick<Job, 'kind' | 'id'>, b: Pick<Job, 'kind' | 'id'>) => a.kind === b.kind && a.id === b.id;

export const useJobList = () => useSyncExternalStore(jobsStore.subscribe, jobsStore.get);

/** Ended jobs the person has not looked at yet, by kind. */
export const useUnseenJobs = () => {
  const list = useJobList();
  const unseen = list.filter((j) => j.end && !j.seen);
  return { total: unseen.length, of: (kind: JobKind) => unseen.filter((j) => j.kind === kind).length };
};

/**
 * Calls `onEnded` when a watched job of one of these kinds ends while the
 * component is mounted (a page reads its data again: an import changed the contacts).
 */
export const useJobEnded = (kinds: readonly JobKind[], onEnded: (job: Job) => void) => {
  const callback = useRef(onEnded);
  callback.current = onEnded;
  const kindsKey = kinds.join(',');
  useEffect(() => {
    const wanted = new Set(kindsKey.split(','));
    let ended = new Set(jobs.filter((j) => j.end).map((j) => `${j.kind}:${j.id}`));
    return jobsStore.subscribe(() => {
      const now = jobs.filter((j) => j.end);
      for (const j of now) if (wanted.has(j.kind) && !ended.has(`${j.kind}:${j.id}`)) callback.current(j);
      ended = new Set(now.map((j) => `${j.kind}:${j.id}`));
    });
  }, [kindsKey]);
};
