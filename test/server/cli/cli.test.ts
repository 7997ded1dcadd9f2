import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { PLAYGROUND } from '../helpers/strapi';
import { serverSecrets } from '../helpers/server-process';

const BIN = path.join(__dirname, '../../../bin/strapi-contacts.js');

describe('strapi-contacts CLI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contacts-cli-'));
  const env = {
    ...process.env,
    ...serverSecrets(),
    NODE_ENV: 'test',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.relative(PLAYGROUND, path.join(dir, 'data.db')),
    CONTACTS_QUEUE_TICK_SECONDS: '0.5',
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: PLAYGROUND, env, encoding: 'utf8', timeout: 120_000 });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports a file and prints the Mautic-style summary line', () => {
    const file = path.join(dir, 'people.csv');
    fs.writeFileSync(file, 'Mail;Prénom;Ville\nana@example.com;Ana;Lyon\nANA@example.com;Ana B;Lyon\nbad-address;X;Y\nluc@example.com;Luc;Nice\n');
    const run = cli('import', file, '--delimiter', 'semicolon', '--map', 'Mail=email', '--map', 'Prénom=firstName', '--map', 'Ville=-');
    expect(run.stderr).not.toMatch(/strapi-contacts: /);
    expect(run.stdout).toMatch(/^4 lines processed, 2 created, 1 updated, 0 skipped, 1 failed in \d+\.\d+ s$/m);
    expect(run.status).toBe(0);
  });

  it('explains a wrong argument and exits with status 2', () => {
    const run = cli('import', path.join(dir, 'missing.csv'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no such file/);
    const usage = cli();
    expect(usage.status).toBe(2);
    expect(usage.stdout).toMatch(/strapi-contacts import FILE/);
  });
});
