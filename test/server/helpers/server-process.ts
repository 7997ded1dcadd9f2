import { spawn, type ChildProcess } from 'child_process';
import net from 'net';
import path from 'path';
import request from 'supertest';
import { ADMIN, PLAYGROUND } from './strapi';
import { appSecrets } from './secrets';

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

/** Secrets fixed for one test, so a restarted server accepts the tokens of the first one. */
export const serverSecrets = appSecrets;

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** Starts the playground with `strapi start` in its own process (for kill -9 tests). */
export const startServerProcess = async (env: Record<string, string>, port: number): Promise<ServerProcess> => {
  const bin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
  let out = '';
  const child = spawn(process.execPath, [bin, 'start'], {
    cwd: PLAYGROUND,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DEMO_ADMIN_EMAIL: ADMIN.email,
      DEMO_ADMIN_PASSWORD: ADMIN.password,
      STRAPI_TELEMETRY_DISABLED: 'true',
      STRAPI_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const res = await request(url).get('/_health');
      if (res.status === 204) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return { url, child, output: () => out };
};

export const adminLogin = async (url: string) => {
  const res = await request(url).post('/admin/login').send(ADMIN);
  if (res.status !== 200) throw new Error(`login failed ${res.status}`);
  return res.body.data.token as string;
};

/** Starts `strapi-contacts worker` in the playground (its own process, for kill -9 tests); resolves once it says it runs. */
export const startWorkerProcess = async (env: Record<string, string>): Promise<ServerProcess> => {
  const bin = path.join(__dirname, '../../../bin/strapi-contacts.js');
  let out = '';
  const child = spawn(process.execPath, [bin, 'worker'], {
    cwd: PLAYGROUND,
    env: { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true', STRAPI_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const until = Date.now() + 90_000;
  while (!out.includes('strapi-contacts worker: processing')) {
    if (child.exitCode !== null) throw new Error(`worker exited early:\n${out}`);
    if (Date.now() > until) throw new Error(`worker did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url: '', child, output: () => out };
};
