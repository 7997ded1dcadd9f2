import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useLocation } from 'react-router-dom';
import { readApiError } from '../utils/apiError';
import { getTranslation } from '../utils/getTranslation';
import { JOB_KINDS, type JobKindSpec } from './jobKinds';
import { jobsStore, sameJob, useJobList, type Job, type JobEnd, type JobKind } from './jobsStore';

const POLL_MS = 2000;

interface JobsContextValue {
  /** Watch a job this person started: a notification when it ends, wherever they are in the plugin. */
  watch: (kind: JobKind, id: string, name: string, baseline?: string | null) => void;
  /** Stop watching (the person stopped it themselves). */
  forget: (kind: JobKind, id: string) => void;
  /** Read the running jobs now rather than at the next tick (a request that just answered). */
  checkNow: () => void;
}

const NOOP: JobsContextValue = { watch: () => undefined, forget: () => undefined, checkNow: () => undefined };
const JobsContext = createContext<JobsContextValue>(NOOP);

export const useJobs = () => useContext(JobsContext);

const isUnder = (pathname: string, prefix: string) => pathname.includes(prefix);

/**
 * Watches the imports and refreshes started in this tab (kept in
 * sessionStorage) until they end, then notifies and leaves a badge on the
 * menu until the person opens the page where the job shows.
 */
export const JobsProvider = ({ children }: { children: React.ReactNode }) => {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  const { pathname } = useLocation();
  const jobs = useJobList();
  const [tick, setTick] = useState(0);
  // The first read, and one asked for with checkNow, go at once; the others wait a tick.
  const immediate = useRef(true);
  const pathRef = useRef(pathname);
  pathRef.current = pathname;
  const running = jobs.filter((j) => !j.end);

  const ended = useCallback(
    (job: Job, end: JobEnd) => {
      const spec: JobKindSpec = JOB_KINDS[job.kind];
      toggleNotification({
        type: end.outcome === 'ok' ? 'success' : end.outcome === 'failed' ? 'danger' : 'warning',
        message: formatMessage(
          { id: getTranslation(`jobs.${job.kind}.${end.outcome}`), defaultMessage: spec.messages[end.outcome] ?? '{name}' },
          // Numbers stay numbers: the messages format them ({n, number}) and choose plurals from them.
          { name: job.name, ...end.values },
        ),
      });
      // Ended while the person is on its page: they see it there, no badge.
      const seen = isUnder(pathRef.current, spec.seenUnder);
      jobsStore.update((list) => list.map((j) => (sameJob(j, job) ? { ...j, end, seen } : j)));
    },
    [formatMessage, toggleNotification],
  );

  // One read per running job per tick; the next tick waits for all of them.
  const runningKey = running.map((j) => `${j.kind}:${j.id}`).join(',');
  useEffect(() => {
    if (!runningKey) return;
    let current = true;
    const delay = immediate.current ? 0 : POLL_MS;
    immediate.current = false;
    const timer = setTimeout(async () => {
      for (const job of jobsStore.get().filter((j) => !j.end)) {
        if (!current) return;
        try {
          const end = await JOB_KINDS[job.kind].check(get as any, job);
          if (current && end) ended(job, end);
        } catch (error) {
          // Deleted meanwhile: nothing left to tell. Anything else (a restart): try again later.
          if (readApiError(error).status === 404) jobsStore.update((list) => list.filter((j) => !sameJob(j, job)));
        }
      }
      if (current) setTick((n) => n + 1);
    }, delay);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [runningKey, tick, get, ended]);

  // Opening the page of an ended job is looking at it: its badge goes, and so does the job.
  useEffect(() => {
    jobsStore.update((list) => {
      const next = list.filter((j) => !(j.end && (j.seen || isUnder(pathname, JOB_KINDS[j.kind].seenUnder))));
      return next.length === list.length ? list : next;
    });
  }, [pathname, jobs]);

  const value = useMemo<JobsContextValue>(
    () => ({
      watch: (kind, id, name, baseline) =>
        jobsStore.update((list) => [
          ...list.filter((j) => !sameJob(j, { kind, id })),
          { kind, id, name, baseline: baseline ?? null, startedAt: new Date().toISOString() },
        ]),
      forget: (kind, id) => jobsStore.update((list) => list.filter((j) => !sameJob(j, { kind, id }))),
      checkNow: () => {
        immediate.current = true;
        setTick((n) => n + 1);
      },
    }),
    [],
  );

  return <JobsContext.Provider value={value}>{children}</JobsContext.Provider>;
};
