import { spawn, type ChildProcess } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import net from 'net';
import path from 'path';
import { LOGS, PLAYGROUND } from './paths';
import { freePort } from '../../server/helpers/server-process';
import { appSecrets } from '../../server/helpers/secrets';

export const ADMIN = { email: 'e2e-admin@contacts.test', password: 'E2eTest1234!' };

export interface Playground {
  url: string;
  port: number;
  logFile: string;
  stop: () => Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const tail = (file: string, lines = 40) => {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
};

const waitForExit = (child: ChildProcess, ms: number) =>
  new Promise<boolean>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

/**
 * Runs the built playground (`strapi start`, like playground/scripts/start.js)
 * on a free port with its own SQLite file and fresh secrets, and waits for
 * /_health. The admin panel it serves is playground/build: rebuild it with
 * `node scripts/build.js` after admin changes.
 */
export const startPlayground = async (): Promise<Playground> => {
  const port = await freePort();
  const id = `${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  // Relative to the playground, as config/database.js expects.
  const dbRelative = path.join('.tmp', `e2e-${id}.db`);
  const dbFile = path.join(PLAYGROUND, dbRelative);
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  fs.mkdirSync(LOGS, { recursive: true });
  const logFile = path.join(LOGS, `playground-${id}.log`);
  const log = fs.openSync(logFile, 'w');

  const strapiBin = path.join(
    path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [PLAYGROUND] })),
    'bin',
    'strapi.js',
  );
  const child = spawn(process.execPath, [strapiBin, 'start'], {
    cwd: PLAYGROUND,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: dbRelative,
      ...appSecrets(),
      DEMO_ADMIN_EMAIL: ADMIN.email,
      DEMO_ADMIN_PASSWORD: ADMIN.password,
      STRAPI_TELEMETRY_DISABLED: 'true',
      STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
      BROWSER: 'none',
    },
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5000);
      }
    }
    fs.closeSync(log);
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`the playground exited (${child.exitCode ?? child.signalCode}) before answering:\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(`${url}/_health`);
      if (res.status === 204 || res.ok) return { url, port, logFile, stop };
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  await stop();
  throw new Error(`the playground did not answer /_health within 120 s:\n${tail(logFile)}`);
};
