'use strict';
/**
 * `strapi-contacts export`: the same export the admin API runs (the plugin's
 * exports service: validation, background job, history), followed here until
 * it ends, then its file copied to -o. Kept out of strapi-contacts.js so each
 * command stays one small file.
 */
const fs = require('fs');
const path = require('path');

const FORMATS = ['csv', 'xlsx'];
const LOCALES = ['en', 'fr'];

/** One of --segment, --criteria, --import, or the whole base. */
const scopeOf = (args, fail) => {
  const given = ['segment', 'criteria', 'import'].filter((k) => (k === 'segment' ? args.segment.length > 0 : args[k] !== undefined));
  if (given.length > 1) fail(`choose one scope: --${given.join(' or --')}`);
  if (args.segment.length > 1) fail('--segment: an export holds one segment (export a search with --criteria for more)');
  if (args.segment.length) return { segment: args.segment[0] };
  if (args.import !== undefined) return { import: String(args.import) };
  if (args.criteria !== undefined) {
    try {
      return { criteria: JSON.parse(args.criteria) };
    } catch (error) {
      fail(`--criteria is not JSON (${error.message})`);
    }
  }
  return { all: true };
};

const fieldsOf = (value) => {
  if (value === undefined || value === 'main' || value === 'all') return value ?? 'main';
  return String(value)
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
};

/** The POST /contacts/exports body these options stand for (the service checks it like the API's). */
const requestOf = (args, { fail, delimiters }) => {
  const body = { scope: scopeOf(args, fail), fields: fieldsOf(args.fields) };
  if (args.format !== undefined) {
    if (!FORMATS.includes(args.format)) fail(`--format must be csv or xlsx, not "${args.format}"`);
    body.format = args.format;
  }
  if (args.delimiter !== undefined) {
    const d = delimiters[String(args.delimiter).toLowerCase()] ?? delimiters[args.delimiter];
    if (!d || d === '|') fail(`unknown export delimiter "${args.delimiter}" (use , ; or tab)`);
    body.delimiter = d;
  }
  if (args['no-bom']) body.bom = false;
  for (const key of ['headers', 'multiselect', 'name']) if (args[key] !== undefined) body[key] = String(args[key]);
  return body;
};

/** Exact bytes for scripts, and a readable size past 1 KB. */
const sizeOf = (n) => `${n} bytes${n >= 1024 ** 2 ? `, ${(n / 1024 ** 2).toFixed(1)} MB` : n >= 1024 ? `, ${(n / 1024).toFixed(1)} KB` : ''}`;

const runExport = async (args, { loadStrapi, fail, bar, delimiters }) => {
  if (args._.length > 1) fail(`export takes no FILE argument ("${args._[1]}"); write to a file with -o FILE`);
  const body = requestOf(args, { fail, delimiters });
  const locale = args.locale ?? 'en';
  if (!LOCALES.includes(locale)) fail(`--locale must be en or fr, not "${locale}"`);
  const app = await loadStrapi();
  const service = app.plugin('contacts').service('exports');
  const started = Date.now();
  let exitCode = 0;
  let id = null;
  // Ctrl-C: the export is deleted (its run stops at its next page and drops its part file).
  const interrupt = async () => {
    if (id) await service.delete(id).catch(() => undefined);
    await app.destroy();
    process.exit(130);
  };
  process.once('SIGINT', interrupt);
  try {
    const created = await service.create(body, { userId: null, locale });
    id = created.documentId;
    const tty = process.stdout.isTTY;
    let view;
    for (;;) {
      view = await service.findOne(id);
      if (tty) {
        const seconds = Math.max(0.001, (Date.now() - started) / 1000);
        process.stdout.write(`\r ${view.rowCount}/${view.total} ${bar(view.progress)} ${Math.round(view.progress * 100)}% ${Math.round(view.rowCount / seconds)} rows/s   `);
      }
      if (['done', 'failed'].includes(view.status)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    if (tty) process.stdout.write('\n');
    if (view.status === 'done') {
      const file = await service.download(id);
      const out = path.resolve(args.output ?? file.name);
      await fs.promises.copyFile(file.path, out);
      const seconds = ((Date.now() - started) / 1000).toFixed(2);
      console.log(`${view.rowCount} rows exported (${view.format.toUpperCase()}, ${sizeOf(file.size)}) in ${seconds} s to ${out}`);
      const notes = view.notes ?? {};
      if (notes.truncated) console.log(`${notes.truncated} cell(s) were cut at Excel's 32,767 characters.`);
      if (notes.unlisted) console.log(`${notes.unlisted} value(s) outside a field's options have no X column; export with --multiselect joined to keep them.`);
    } else {
      console.error(`Export failed: ${view.error ?? 'no reason recorded'}`);
      exitCode = 1;
    }
  } catch (error) {
    console.error(`strapi-contacts: ${error.message}`);
    // A request the person can fix (unknown field or segment…) is a usage error, like a bad option.
    exitCode = error.name === 'ValidationError' ? 2 : 1;
  } finally {
    process.removeListener('SIGINT', interrupt);
    await app.destroy();
  }
  process.exit(exitCode);
};

module.exports = { runExport, requestOf };
