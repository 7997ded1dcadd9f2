import { IMPORT_ACTIVE_STATUSES, type ImportStatus } from '../../../server/src/constants';

type Variant = 'alternative' | 'danger' | 'neutral' | 'primary' | 'secondary' | 'success' | 'warning';

export const STATUS_VARIANTS: Record<ImportStatus, Variant> = {
  draft: 'neutral',
  queued: 'secondary',
  delayed: 'alternative',
  in_progress: 'primary',
  imported: 'success',
  failed: 'danger',
  stopped: 'warning',
};

/** Queued, delayed or running: the page polls and offers Stop. */
export const isActiveImport = (status: ImportStatus) => IMPORT_ACTIVE_STATUSES.includes(status);
export const isFinishedImport = (status: ImportStatus) => status === 'imported' || status === 'failed';
export const canResumeImport = (status: ImportStatus) => status === 'stopped' || status === 'failed';

export const formatBytes = (n: number) => {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
};

/** 0.4 s, 12 s, 3 min 05 s, 1 h 02 min: units read the same in English and French. */
export const formatDuration = (seconds: number | null | undefined) => {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '-';
  if (seconds < 10) return `${Math.max(0, seconds).toFixed(1)} s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  return `${m} min ${String(s % 60).padStart(2, '0')} s`;
};

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** iconv-lite names the server understands; the detected one is added when it is another. */
export const ENCODINGS = [
  'utf-8',
  'windows-1252',
  'iso-8859-1',
  'iso-8859-15',
  'utf-16le',
  'utf-16be',
  'macintosh',
  'windows-1250',
];

export const DATE_FORMATS = ['DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD', 'DD.MM.YYYY', 'DD-MM-YYYY', 'YYYY/MM/DD'];

export const ACCEPTED_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx'];

export const personName = (user: { firstname: string | null; lastname: string | null; email: string | null } | null) =>
  user ? [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || '' : '';
