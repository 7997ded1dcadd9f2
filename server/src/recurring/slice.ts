import fs from 'fs';
import path from 'path';
import { once } from 'events';
import { stringify } from 'csv-stringify';
import { readRows } from '../import/parse';
import { sniffFile } from '../import/sniff';
import type { SourceLimits } from '../import/limits';
import type { ImportOptions } from '../import/types';

export interface Slice {
  /** The file the run imports: the fetched file itself, or a CSV of the rows taken. */
  path: string;
  /** Data rows taken: [from, to), 0-based. */
  from: number;
  to: number;
  /** Data rows in the fetched file. */
  total: number;
  /** What reading the slice needs instead of the template's (a slice is UTF-8 CSV whatever the source was). */
  options: Partial<ImportOptions>;
}

/**
 * The rows of a recurring import's run: at most `cap` data rows from `from`
 * on (a capped run continues where the last one stopped on an unchanged
 * file). Rows are read with the import's own readers (CSV or XLSX, the
 * template's encoding and delimiter) and written again as UTF-8 CSV under the
 * same header, so the mapping applies unchanged. Without a cap the file is
 * imported as it is and `null` comes back (nothing to count: the import
 * counts it).
 */
export const sliceRows = async (
  file: { path: string; name: string },
  { from, cap, options, limits }: { from: number; cap: number | null; options: Partial<ImportOptions>; limits: SourceLimits }
): Promise<Slice | null> => {
  if (cap === null && from === 0) return null;
  const read = { encoding: options.encoding, delimiter: options.delimiter, hasHeader: options.hasHeader, sheet: options.sheet };
  const detected = await sniffFile(file.path, { ...stripUndefined(read), fileName: file.name, limits });
  const delimiter = detected.format === 'csv' ? detected.delimiter : ',';
  const target = path.join(path.dirname(file.path), `slice-${path.basename(file.name, path.extname(file.name))}.csv`);
  const out = fs.createWriteStream(target);
  const csv = stringify({ delimiter });
  csv.pipe(out);
  const write = async (cells: string[]) => {
    if (!csv.write(cells)) await once(csv, 'drain');
  };
  if (detected.hasHeader) await write(detected.columns);
  let index = 0;
  let taken = 0;
  const rows = readRows(
    file.path,
    { format: detected.format, encoding: detected.encoding, fallbackEncoding: detected.fallbackEncoding, delimiter: detected.delimiter, hasHeader: detected.hasHeader, sheet: detected.sheet, limits },
    {}
  );
  for await (const row of rows) {
    if (index >= from && (cap === null || taken < cap)) {
      await write(row.cells);
      taken += 1;
    }
    index += 1;
  }
  csv.end();
  await once(out, 'close');
  return {
    path: target,
    from: Math.min(from, index),
    to: Math.min(from, index) + taken,
    total: index,
    options: { encoding: 'utf-8', delimiter, hasHeader: detected.hasHeader, sheet: undefined },
  };
};

const stripUndefined = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
