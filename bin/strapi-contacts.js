#!/usr/bin/env node
'use strict';
/**
 * strapi-contacts — run in a Strapi app folder.
 *
 *   strapi-contacts import FILE [--mode upsert|create|update|fill-empty] [--key email|mobile]
 *                   [--delimiter ,|;|tab|pipe] [--encoding NAME] [--no-header] [--sheet NAME]
 *                   [--map column=field …] [--tags a,b] [--segment DOCUMENT_ID …]
 *                   [--date-format DD/MM/YYYY] [--country FR] [--empty-clears] [--allow-resubscribe]
 *   strapi-contacts export [--segment ID | --criteria JSON | --import ID] [--fields main|all|a,b]
 *                   [--format csv|xlsx] [--delimiter ,|;|tab] [--no-bom] [-o FILE]
 *   strapi-contacts worker      process queued imports and exports until stopped (Ctrl-C)
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runExport } = require('./export-command');

const USAGE = `Usage:
  strapi-contacts import FILE [options]   import a CSV, TSV, TXT or XLSX file, then print a summary
  strapi-contacts export [options]        export contacts to a CSV or XLSX file, then print a summary
  strapi-contacts worker                  run a queue worker for background imports and exports

Import options:
  --mode upsert|create|update|fill-empty  what to do with new and existing contacts (default upsert)
  --key email|mobile                      column to match contacts on (default: the base's unicity key)
  --delimiter , ; tab pipe                column delimiter (default: detected)
  --encoding NAME                         file encoding, e.g. windows-1252 (default: detected)
  --no-header                             the first row is data (columns are then 0-based indexes)
  --sheet NAME                            XLSX sheet (default: the first)
  --map COLUMN=FIELD                      map a column to a field key; repeat; "COLUMN=-" ignores it
                                          (default: the suggested mapping)
  --tags a,b                              tags added to every imported contact
  --segment DOCUMENT_ID                   static segment to add contacts to; repeat
  --date-format DD/MM/YYYY                order of day, month and year in dates
  --country FR                            default country of phone numbers
  --empty-clears                          empty cells clear stored values
  --allow-resubscribe                     let the file set an opt-in back to yes
  --default-email-opt-in VALUE            opt-in of new contacts the file gives none for (yes|no|orange|blocklist; default unknown)
  --default-sms-opt-in VALUE              the same for SMS
  --consent-recorded                      the file records consent (needed to default an opt-in to yes)
  --timezone ZONE                         IANA zone of date-times written without one (default UTC)

Export options (default: every contact, the 12 main fields, CSV):
  --segment DOCUMENT_ID                   the members of a segment
  --criteria JSON                         the contacts a search matches, e.g.
                                          '{"match":"all","conditions":[{"field":"plan","operator":"in","value":["pro"]}]}'
  --import DOCUMENT_ID                    the contacts an import created or updated
  --fields main|all|KEY,KEY…              a preset, or field keys in column order (custom fields too)
  --format csv|xlsx                       file format (default csv)
  --delimiter , ; tab                     CSV delimiter (default ,)
  --no-bom                                no UTF-8 byte order mark (Excel needs it to read UTF-8)
  --headers labels|keys                   header row: field labels (default) or keys
  --locale en|fr                          language of the labels (default en)
  --multiselect joined|columns            a multiselect as one "a|b" cell, or one X column per option
  --name NAME                             name in the export history
  -o, --output FILE                       where to write the file (default: the export's name, in this folder)`;

const DELIMITERS = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\\t': '\t', '\t': '\t', '|': '|', pipe: '|' };

const fail = (message) => {
  console.error(`strapi-contacts: ${message}`);
  process.exit(2);
};

const parseArgs = (argv) => {
  const args = { _: [], map: [], segment: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '-o' || a === '-h') {
      if (a === '-h') args.help = true;
      else if (argv[i + 1] === undefined) fail('-o needs a FILE');
      else args.output = argv[++i];
      continue;
    }
    if (!a.startsWith('--')) {
      args._.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s);
    const flag = ['no-header', 'empty-clears', 'allow-resubscribe', 'consent-recorded', 'no-bom', 'help'].includes(name);
    const value = flag ? true : inline !== undefined ? inline : argv[++i];
    if (value === undefined) fail(`--${name} needs a value`);
    if (name === 'map' || name === 'segment') args[name].push(value);
    else args[name] = value;
  }
  return args;
};

const loadStrapi = async () => {
  const appDir = process.cwd();
  let strapiPkg;
  try {
    strapiPkg = require(require.resolve('@strapi/strapi', { paths: [appDir] }));
  } catch {
    fail(`no @strapi/strapi in ${appDir}: run this command in your Strapi app folder`);
  }
  process.env.STRAPI_LOG_LEVEL = process.env.STRAPI_LOG_LEVEL || 'warn';
  const ctx = await strapiPkg.compileStrapi({ appDir });
  const app = await strapiPkg.createStrapi(ctx).load();
  app.log.level = process.env.STRAPI_LOG_LEVEL;
  if (!app.plugin('contacts')) fail('the contacts plugin is not enabled in this app (config/plugins)');
  return app;
};

const buildOptions = (args) => {
  const options = {};
  if (args.mode) options.mode = args.mode;
  if (args.key) options.uniqueKey = args.key;
  if (args.delimiter !== undefined) {
    const d = DELIMITERS[String(args.delimiter).toLowerCase()] ?? DELIMITERS[args.delimiter];
    if (!d) fail(`unknown delimiter "${args.delimiter}" (use , ; tab or pipe)`);
    options.delimiter = d;
  }
  if (args.encoding) options.encoding = args.encoding;
  if (args['no-header']) options.hasHeader = false;
  if (args.sheet) options.sheet = args.sheet;
  if (args.tags) options.tags = String(args.tags).split(',').map((t) => t.trim()).filter(Boolean);
  if (args.segment.length) options.segmentIds = args.segment;
  if (args['date-format']) options.dateFormat = args['date-format'];
  if (args.country) options.defaultCountry = String(args.country).toUpperCase();
  if (args['empty-clears']) options.emptyClears = true;
  if (args['allow-resubscribe']) options.allowResubscribe = true;
  if (args['default-email-opt-in']) options.defaultEmailOptIn = args['default-email-opt-in'];
  if (args['default-sms-opt-in']) options.defaultSmsOptIn = args['default-sms-opt-in'];
  if (args['consent-recorded']) options.consentRecorded = true;
  if (args.timezone) options.timezone = args.timezone;
  return options;
};

const buildMapping = (pairs, columns, hasHeader) =>
  pairs.map((pair) => {
    const [column, field] = pair.split(/=(.*)/s);
    if (!column || field === undefined) fail(`--map wants COLUMN=FIELD, got "${pair}"`);
    const ref = !hasHeader && /^\d+$/.test(column) ? Number(column) : column;
    if (hasHeader && !columns.includes(column)) fail(`--map: no column "${column}" in the file (columns: ${columns.join(', ')})`);
    return field === '-' ? { column: ref, ignore: true } : { column: ref, field };
  });

const bar = (ratio, width = 30) => `[${'='.repeat(Math.round(ratio * width)).padEnd(width, ' ')}]`;

const runImport = async (file, args) => {
  if (!file) fail('import needs a FILE');
  const source = path.resolve(file);
  if (!fs.existsSync(source)) fail(`no such file: ${source}`);
  const app = await loadStrapi();
  const service = app.plugin('contacts').service('imports');
  const started = Date.now();
  let exitCode = 0;
  try {
    // The import keeps its own copy of the source, as an upload would.
    const temp = path.join(os.tmpdir(), `strapi-contacts-${process.pid}-${path.basename(source)}`);
    await fs.promises.copyFile(source, temp);
    const stat = await fs.promises.stat(temp);
    const options = buildOptions(args);
    let draft = await service.createFromUpload({ filepath: temp, originalFilename: path.basename(source), size: stat.size, mimetype: null }, options, null, path.basename(source));
    if (args.map.length) {
      const hasHeader = options.hasHeader ?? draft.detected.hasHeader;
      draft = await service.update(draft.documentId, { mapping: buildMapping(args.map, draft.detected.columns, hasHeader) }, null);
    }
    await service.start(draft.documentId);
    const tty = process.stdout.isTTY;
    let view;
    for (;;) {
      view = await service.findOne(draft.documentId);
      if (tty) {
        const c = view.counters;
        process.stdout.write(`\r ${c.processed}/${c.total} ${bar(view.progress)} ${Math.round(view.progress * 100)}% ${view.rowsPerSecond} rows/s   `);
      }
      if (['imported', 'failed', 'stopped'].includes(view.status)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    if (tty) process.stdout.write('\n');
    const c = view.counters;
    const seconds = ((Date.now() - started) / 1000).toFixed(2);
    console.log(`${c.processed} lines processed, ${c.created} created, ${c.updated} updated, ${c.skipped + c.unchanged} skipped, ${c.failed} failed in ${seconds} s`);
    if (c.warnings) console.log(`${c.warnings} cell(s) could not be read and were left out of contacts that were written.`);
    if (c.failed || c.warnings) console.log(`Details: GET /contacts/imports/${view.documentId}/errors (admin), or the import's detail page.`);
    if (view.status !== 'imported') {
      console.error(`Import ${view.status}${view.error ? `: ${view.error}` : ''}`);
      exitCode = 1;
    }
  } catch (error) {
    console.error(`strapi-contacts: ${error.message}`);
    exitCode = 1;
  } finally {
    await app.destroy();
  }
  process.exit(exitCode);
};

const runWorker = async () => {
  // A worker runs jobs whatever the app's runJobs says (Strapi instances may only enqueue).
  process.env.CONTACTS_WORKER = '1';
  const app = await loadStrapi();
  const queue = app.plugin('contacts').service('queue');
  // The Redis connection answers within a moment; say which queue carries the jobs once it has.
  await new Promise((r) => setTimeout(r, 500));
  const health = queue.health();
  const via = health.redis
    ? health.redis.ok
      ? 'BullMQ on Redis'
      : `the database queue (Redis unreachable: ${health.redis.error}; BullMQ again once it is back)`
    : 'the database queue (no redisUrl / REDIS_URL)';
  console.log(`strapi-contacts worker: processing imports and exports through ${via} (Ctrl-C to stop)`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('strapi-contacts worker: stopping after the current batch…');
    await app.destroy();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  setInterval(() => {}, 1 << 30);
};

const main = async () => {
  const args = parseArgs(process.argv.slice(2));
  const [command, file] = args._;
  if (!command || args.help) {
    console.log(USAGE);
    process.exit(command ? 0 : 2);
  }
  if (command === 'import') return runImport(file, args);
  if (command === 'export') return runExport(args, { loadStrapi, fail, bar, delimiters: DELIMITERS });
  if (command === 'worker') return runWorker();
  fail(`unknown command "${command}"\n\n${USAGE}`);
};

main().catch((error) => {
  console.error(`strapi-contacts: ${error.stack || error.message}`);
  process.exit(1);
});
