import { IMPORT_ACTIVE_STATUSES, IMPORT_RESUMABLE_STATUSES, type ImportStatus } from '../../../shared/constants';
import type { Author } from '../../../shared/authors';

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
export const canResumeImport = (status: ImportStatus) => IMPORT_RESUMABLE_STATUSES.includes(status);

/**
 * What a person may do with an import in this status (the server refuses the
 * rest): a draft is continued or deleted; a queued, delayed or running one can
 * only stop; a stopped or failed one resumes or goes; an imported one goes.
 */
export const importActions = (status: ImportStatus) => ({
  continue: status === 'draft',
  stop: isActiveImport(status),
  resume: canResumeImport(status),
  delete: !isActiveImport(status),
});

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

export const personName = (user: Pick<Author, 'firstname' | 'lastname' | 'email'> | null) =>
  user ? [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || '' : '';
