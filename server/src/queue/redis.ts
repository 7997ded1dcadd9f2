import IORedis, { type RedisOptions } from 'ioredis';
import type { Core } from '@strapi/strapi';

/** ioredis options from a `redis://[user:password@]host[:port][/db]` (or `rediss://`) URL; throws a readable error otherwise. */
export const redisOptionsFrom = (url: string): RedisOptions => {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`redisUrl "${url}" is not a URL (expected redis://host:6379)`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`redisUrl "${url}" must start with redis:// or rediss://`);
  const db = u.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) throw new Error(`redisUrl "${url}": the path must be a database number (redis://host:6379/0)`);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
};

/** The URL as logs and the settings page show it: without its password. */
export const safeRedisUrl = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/** Reconnect every 0.2 s to 2 s: a Redis back after a restart is used within seconds. */
const retryStrategy = (times: number) => Math.min(times * 200, 2000);

/** Options of the connections BullMQ opens itself (workers): they wait for Redis instead of failing. */
export const workerConnection = (url: string): RedisOptions => ({ ...redisOptionsFrom(url), retryStrategy, maxRetriesPerRequest: null });

export interface RedisLink {
  /** The producer connection: commands fail at once while Redis is down (nothing waits on it). */
  readonly client: IORedis;
  readonly ok: boolean;
  readonly error: string | null;
  /** When the current state began (ISO). */
  readonly since: string | null;
  /** Called on every change of state (up ↔ down). */
  onChange(listener: (ok: boolean) => void): void;
  close(): Promise<void>;
}

/**
 * One watched connection to Redis: its state drives the queue (BullMQ while
 * up, the database queue while down) and the settings page's health. A
 * change is logged once, never once per reconnect attempt.
 */
export const createRedisLink = (strapi: Core.Strapi, url: string): RedisLink => {
  const shown = safeRedisUrl(url);
  const client = new IORedis({ ...redisOptionsFrom(url), retryStrategy, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 5000 });
  const listeners: Array<(ok: boolean) => void> = [];
  let ok = false;
  let error: string | null = null;
  let since: string | null = null;
  let reported = false;
  let closed = false;

  const set = (up: boolean, reason: string | null) => {
    if (closed) return;
    if (up === ok && reported) {
      if (!up && reason) error = reason;
      return;
    }
    const first = !reported;
    reported = true;
    ok = up;
    error = up ? null : reason;
    since = new Date().toISOString();
    if (up) strapi.log.info(`[contacts] Redis at ${shown} ${first ? 'connected' : 'is back'}: imports and exports go through BullMQ`);
    else strapi.log.error(`[contacts] Redis at ${shown} is unreachable (${reason ?? 'connection closed'}): imports and exports run on the database queue until it is back`);
    for (const listener of listeners) listener(up);
  };

  client.on('ready', () => set(true, null));
  client.on('error', (e: Error) => set(false, e.message || (e as any).code || 'error'));
  client.on('close', () => {
    if (ok) set(false, 'connection closed');
  });

  return {
    client,
    get ok() {
      return ok;
    },
    get error() {
      return error;
    },
    get since() {
      return since;
    },
    onChange: (listener) => void listeners.push(listener),
    async close() {
      closed = true;
      listeners.length = 0;
      await client.quit().catch(() => client.disconnect());
    },
  };
};
