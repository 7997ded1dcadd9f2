import path from 'path';

export const ROOT = path.join(__dirname, '../../..');
export const PLAYGROUND = path.join(ROOT, 'playground');
export const ARTIFACTS = path.join(ROOT, 'test/.artifacts');
export const SCREENSHOTS = path.join(ARTIFACTS, 'screenshots');
export const LOGS = path.join(ARTIFACTS, 'logs');
