import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { parseCsv, readXlsx } from '../helpers/exports';
import { serverSecrets } from '../helpers/server-process';
import { PLAYGROUND } from '../helpers/strapi';

const BIN = path.join(__dirname, '../../../bin/strapi-contacts.js');

/**
 * `strapi-contacts export` in the app folder, on a base the CLI's own import
 * filled: each scope option, CSV and XLSX, the file options, the summary
 * line, and the arguments it refuses (status 2) before or after booting.
 */
describe('strapi-contacts export', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contacts-cli-export-'));
  const database = path.join(dir, 'data.db');
  const env = {
    ...process.env,
    ...serverSecrets(),
    NODE_ENV: 'test',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.relative(PLAYGROUND, database),
    CONTACTS_QUEUE_TICK_SECONDS: '0.5',
    CONTACTS_EXPORT_DIR: path.join(dir, 'private'),
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: PLAYGROUND, env, encoding: 'utf8', timeout: 120_000 });
  const SUMMARY = /^(\d+) rows exported \((CSV|XLSX), (\d+) bytes(?:, [\d.]+ (?:KB|MB))?\) in \d+\.\d+ s to (.+?)\r?$/m;
  /** Runs an export that must succeed; returns its summary's figures and the file. */
  const exported = (...args: string[]) => {
    const run = cli('export', ...args);
    expect(run.stderr).not.toMatch(/strapi-contacts: /);
    expect(run.status).toBe(0);
    const m = SUMMARY.exec(run.stdout);
    if (!m) throw new Error(`no summary line in:\n${run.stdout}`);
    const file = fs.readFileSync(m[4]);
    expect(Number(m[3])).toBe(file.length);
    return { rows: Number(m[1]), format: m[2], out: m[4], file };
  };

  beforeAll(() => {
    const source = path.join(dir, 'people.csv');
    fs.writeFileSync(source, 'email,firstName,lastName\nana@example.com,Ana,Martin\nbob@example.com,=1+2,Durand\nluc@example.com,Luc,Petit\n');
    const run = cli('import', source);
    expect(run.stdout).toMatch(/^3 lines processed, 3 created/m);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exports the whole base with the main fields to -o, with a BOM, and prints the summary line', () => {
    const out = path.join(dir, 'all.csv');
    const run = exported('-o', out);
    expect(run).toMatchObject({ rows: 3, format: 'CSV', out });
    expect(run.file.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const rows = parseCsv(run.file);
    expect(rows[0].slice(0, 4)).toEqual(['First name', 'Last name', 'Company', 'E-mail']);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(["'=1+2", 'Ana', 'Luc']);
  });

  it('exports a search with chosen fields, ; and no BOM, keys as headers', () => {
    const criteria = JSON.stringify({ match: 'any', conditions: [{ field: 'lastName', operator: 'eq', value: 'Martin' }, { field: 'lastName', operator: 'eq', value: 'Petit' }] });
    const run = exported('--criteria', criteria, '--fields', 'email,lastName', '--delimiter', 'semicolon', '--no-bom', '--headers', 'keys', '--output', path.join(dir, 'search.csv'));
    expect(run.file.subarray(0, 3).toString('hex')).not.toBe('efbbbf');
    expect(parseCsv(run.file, ';')).toEqual([['email', 'lastName'], ['ana@example.com', 'Martin'], ['luc@example.com', 'Petit']]);
  });

  it('exports the contacts of an import as XLSX, in French', async () => {
    const Database = require('better-sqlite3');
    const db = new Database(database, { readonly: true });
    const { document_id: importId } = db.prepare('SELECT document_id FROM contacts_imports ORDER BY id LIMIT 1').get();
    db.close();
    const run = exported('--import', importId, '--fields', 'email,firstName', '--format', 'xlsx', '--locale', 'fr', '-o', path.join(dir, 'import.xlsx'));
    expect(run).toMatchObject({ rows: 3, format: 'XLSX' });
    const sheet = (await readXlsx(run.file)).worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['E-mail', 'Prénom']);
    expect(sheet.rowCount).toBe(4);
  });

  it('draws a progress line on a terminal', () => {
    // script(1) gives the command a pseudo-terminal, as a person's shell would.
    const out = path.join(dir, 'tty.csv');
    const run = spawnSync('script', ['-qec', `${process.execPath} ${BIN} export -o ${out}`, '/dev/null'], { cwd: PLAYGROUND, env, encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\r 3\/3 \[=+\] 100% \d+ rows\/s/);
    expect(run.stdout).toMatch(SUMMARY);
  });

  it('refuses wrong arguments with status 2 and a message', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--segment', 'a', '--import', 'b'], /choose one scope: --segment or --import/],
      [['--criteria', '{not json'], /--criteria is not JSON/],
      [['--format', 'pdf'], /--format must be csv or xlsx/],
      [['--delimiter', 'pipe'], /unknown export delimiter "pipe"/],
      [['out.csv'], /export takes no FILE argument/],
      [['-o'], /-o needs a FILE/],
    ];
    for (const [args, message] of cases) {
      const run = cli('export', ...args);
      expect({ args, status: run.status }).toEqual({ args, status: 2 });
      expect(run.stderr).toMatch(message);
    }
    // Checked by the plugin's service, as the admin API would answer 400.
    const unknown = cli('export', '--fields', 'email,nope', '--segment', 'missing', '-o', path.join(dir, 'x.csv'));
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/scope.segment: no segment has the id "missing"/);
    expect(fs.existsSync(path.join(dir, 'x.csv'))).toBe(false);
    expect(cli('--help').stdout).toMatch(/strapi-contacts export \[options\]/);
  });
});
