import fs from 'fs';
import { stringify } from 'csv-stringify/sync';
import { neutralizeText } from './neutralize';
import type { ExportSink } from './sink';

export interface CsvFileSpec {
  part: string;
  header: string[];
  delimiter: string;
  bom: boolean;
  /** The part file of an earlier run and its committed length: continue after it. */
  resume?: { file: string; bytes: number } | null;
}

/** RFC 4180: CRLF between records; a cell holding a lone CR or LF is quoted too (csv-stringify only quotes the record delimiter itself). */
const OPTIONS = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const;

/**
 * A CSV export file. Each page of rows is stringified and written in one
 * write whose callback says it reached the file; only then does the run
 * record its cursor, so the committed length is always a whole number of
 * rows. A resumed run copies that prefix of the earlier part file into its
 * own (the earlier run, if merely stalled, keeps writing to its own inode)
 * and appends after it.
 */
export const openCsvFile = async (spec: CsvFileSpec): Promise<ExportSink> => {
  let bytes = 0;
  let stream: fs.WriteStream;
  const previous = spec.resume ? await fs.promises.stat(spec.resume.file).catch(() => null) : null;
  // A part file shorter than its cursor says (a crash of the machine, not of the process) is started over.
  const resume = spec.resume && previous && spec.resume.bytes > 0 && previous.size >= spec.resume.bytes ? spec.resume : null;
  if (resume) {
    await fs.promises.copyFile(resume.file, spec.part);
    await fs.promises.truncate(spec.part, resume.bytes);
    bytes = resume.bytes;
    stream = fs.createWriteStream(spec.part, { flags: 'r+', start: bytes, mode: 0o600 });
  } else {
    stream = fs.createWriteStream(spec.part, { flags: 'w', mode: 0o600 });
  }
  const options = { ...OPTIONS, delimiter: spec.delimiter };
  let failed: Error | null = null;
  stream.on('error', (error) => (failed = error));

  const write = (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (failed) return reject(failed);
      const buffer = Buffer.from(text, 'utf8');
      stream.write(buffer, (error) => {
        if (error) return reject(error);
        bytes += buffer.length;
        resolve();
      });
    });

  if (!resume) await write(`${spec.bom ? '\ufeff' : ''}${stringify([spec.header.map(neutralizeText)], options)}`);

  const close = () => new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return {
    resumed: !!resume,
    bytes: () => bytes,
    write: (records) => (records.length ? write(stringify(records as string[][], options)) : Promise.resolve()),
    finish: close,
    abandon: () => close().catch(() => undefined),
  };
};
