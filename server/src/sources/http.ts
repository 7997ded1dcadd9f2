import http, { type IncomingMessage } from 'http';
import https from 'https';
import path from 'path';
import { MAX_REDIRECTS } from '../constants';
import { guardedLookup, resolveChecked, bareHost } from './addresses';
import { discard, tempTarget, tooLarge, writeBounded, type FetchedFile } from './download';
import { SourceFetchError, remoteError } from './errors';
import type { ConnectionReport, FetchLimits, Secrets, UrlSource } from './types';

/** The URL as the guard accepts it: http(s), no credentials inside it (they go to the encrypted fields). */
export const parseSourceUrl = (text: string): URL => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SourceFetchError('invalid', `"${text}" is not a URL: write it in full, e.g. https://example.com/contacts.csv`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SourceFetchError('invalid', `The URL must start with https:// (or http://), not ${url.protocol}`);
  if (url.username || url.password) {
    throw new SourceFetchError('invalid', 'Put the user name and password in the source\'s authentication fields, not in the URL (they are stored encrypted there)');
  }
  return url;
};

const authHeaders = (source: UrlSource, secrets: Secrets): Record<string, string> => {
  if (source.username) return { authorization: `Basic ${Buffer.from(`${source.username}:${secrets.password ?? ''}`).toString('base64')}` };
  if (source.headerName && secrets.headerValue) return { [source.headerName]: secrets.headerValue };
  return {};
};

/** One request; the caller follows redirects. The socket is opened on a checked address only. */
const requestOnce = async (url: URL, method: 'GET' | 'HEAD', headers: Record<string, string>, limits: FetchLimits, signal: AbortSignal): Promise<IncomingMessage> => {
  // Node skips `lookup` for IP literals: those are checked here.
  await resolveChecked(url.hostname, limits.policy);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      { method, headers: { 'user-agent': 'strapi-plugin-contacts', accept: '*/*', ...headers }, lookup: guardedLookup(limits.policy), signal, timeout: limits.connectTimeoutMs },
      resolve
    );
    req.on('timeout', () => req.destroy(new SourceFetchError('remote', `${url.host} did not answer within ${Math.round(limits.connectTimeoutMs / 1000)} s`)));
    req.on('error', reject);
    req.end();
  });
};

/**
 * Follows up to MAX_REDIRECTS redirects, each target checked like the first
 * address; the credentials go only to the URL's own origin.
 */
const open = async (source: UrlSource, secrets: Secrets, limits: FetchLimits, method: 'GET' | 'HEAD', signal: AbortSignal) => {
  const first = parseSourceUrl(source.url);
  let url = first;
  for (let hop = 0; ; hop++) {
    const headers = url.origin === first.origin ? authHeaders(source, secrets) : {};
    const res = await requestOnce(url, method, headers, limits, signal);
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume();
      if (hop >= MAX_REDIRECTS) throw new SourceFetchError('remote', `${first.host} redirected more than ${MAX_REDIRECTS} times`);
      url = parseSourceUrl(new URL(res.headers.location, url).toString());
      continue;
    }
    if (status < 200 || status >= 300) {
      res.resume();
      const hint = status === 401 || status === 403 ? ' (check the user name and password, or the header)' : status === 404 ? ' (check the path)' : '';
      throw new SourceFetchError('remote', `${url.host} answered ${status} ${res.statusMessage ?? ''}`.trim() + hint, { status });
    }
    return { res, url };
  }
};

/** The whole transfer under one deadline; the caller's error keeps its kind. */
const withDeadline = async <T>(limits: FetchLimits, what: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    return await run(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) throw new SourceFetchError('remote', `${what} took longer than ${Math.round(limits.timeoutMs / 1000)} s (plugin option sourceTimeoutMs)`);
    throw remoteError(error, what);
  } finally {
    clearTimeout(timer);
  }
};

const fileName = (url: URL) => decodeURIComponent(path.posix.basename(url.pathname)) || 'source.csv';

export const fetchUrl = (source: UrlSource, secrets: Secrets, limits: FetchLimits): Promise<FetchedFile> =>
  withDeadline(limits, `Reading ${source.url}`, async (signal) => {
    const { res, url } = await open(source, secrets, limits, 'GET', signal);
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      res.resume();
      throw tooLarge(limits.maxBytes);
    }
    const target = await tempTarget(fileName(url));
    try {
      const { size, hash } = await writeBounded(res, target, limits.maxBytes);
      return { path: target, name: path.basename(target), size, hash, mime: res.headers['content-type']?.split(';')[0] ?? null, origin: url.toString() };
    } catch (error) {
      await discard(target);
      throw error;
    }
  });

/** GET (a HEAD is often refused by file servers), read nothing but the headers. */
export const testUrl = async (source: UrlSource, secrets: Secrets, limits: FetchLimits): Promise<ConnectionReport> =>
  withDeadline(limits, `Connecting to ${bareHost(parseSourceUrl(source.url).host)}`, async (signal) => {
    const { res, url } = await open(source, secrets, limits, 'GET', signal);
    res.destroy();
    const size = Number(res.headers['content-length']);
    const modified = res.headers['last-modified'];
    return {
      ok: true,
      file: { name: fileName(url), size: Number.isFinite(size) ? size : null, modifiedAt: modified ? new Date(modified).toISOString() : null, origin: url.toString() },
    };
  });
