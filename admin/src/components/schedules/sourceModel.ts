import type { SecretKey, SourceKind } from '../../../../shared/schedules';
import type { SecretFlags, SourceDefinition } from '../../scheduleTypes';
import { sftpComplete, sftpConnection, sftpForm, sftpSecrets, type SftpForm } from './scheduleModel';

export type UrlAuth = 'none' | 'basic' | 'header';

/** A recurring import's source as the form edits it (both kinds kept, so switching loses nothing typed). */
export interface SourceForm {
  kind: SourceKind;
  url: string;
  urlAuth: UrlAuth;
  username: string;
  headerName: string;
  sftp: SftpForm;
  path: string;
}

export const sourceForm = (s?: SourceDefinition | null, flags?: SecretFlags): SourceForm => {
  const url = s?.kind === 'url' ? s : null;
  const sftp = s?.kind === 'sftp' ? s : null;
  return {
    kind: s?.kind ?? 'url',
    url: url?.url ?? '',
    urlAuth: url?.username ? 'basic' : url?.headerName ? 'header' : 'none',
    username: url?.username ?? '',
    headerName: url?.headerName ?? '',
    sftp: sftpForm(sftp, flags),
    path: sftp?.path ?? '',
  };
};

export const sourceOf = (f: SourceForm): SourceDefinition =>
  f.kind === 'sftp'
    ? { kind: 'sftp', ...sftpConnection(f.sftp), path: f.path.trim() }
    : {
        kind: 'url',
        url: f.url.trim(),
        username: f.urlAuth === 'basic' ? f.username.trim() : null,
        headerName: f.urlAuth === 'header' ? f.headerName.trim() : null,
      };

/** The secrets the chosen login uses. */
export const sourceSecrets = (f: SourceForm): SecretKey[] =>
  f.kind === 'sftp' ? sftpSecrets(f.sftp.auth) : f.urlAuth === 'basic' ? ['password'] : f.urlAuth === 'header' ? ['headerValue'] : [];

/** Enough to save or test (the server checks the rest and says what is wrong); `has`: a secret typed or stored. */
export const sourceComplete = (f: SourceForm, has: (key: SecretKey) => boolean) => {
  if (f.kind === 'url') {
    if (!f.url.trim()) return false;
    if (f.urlAuth === 'basic') return !!f.username.trim() && has('password');
    if (f.urlAuth === 'header') return !!f.headerName.trim() && has('headerValue');
    return true;
  }
  return sftpComplete(f.sftp, has) && !!f.path.trim();
};
