import fs from 'fs';
import os from 'os';
import path from 'path';
import { Server, utils, type Connection } from 'ssh2';
import { fingerprintOf } from '../../../server/src/sources/sftp';

const { STATUS_CODE, OPEN_MODE } = (utils as any).sftp;

export interface SftpTestServer {
  port: number;
  /** The directory served as "/". */
  root: string;
  user: string;
  password: string;
  /** An OpenSSH private key the server accepts for `user`, and one with a passphrase. */
  privateKey: string;
  encryptedKey: { key: string; passphrase: string };
  hostFingerprint: string;
  /** Connections that authenticated. */
  logins: () => number;
  stop: () => Promise<void>;
}

/**
 * A real SFTP server on 127.0.0.1 (the ssh2 package's server speaking the
 * SFTP v3 protocol over a temp directory), with password and public-key
 * authentication: what a recurring import reads and a scheduled export writes.
 */
export const startSftpServer = async (): Promise<SftpTestServer> => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'contacts-sftp-'));
  const user = 'contacts';
  const password = 'S3cret-sftp!';
  const host = utils.generateKeyPairSync('ed25519');
  const client = utils.generateKeyPairSync('ed25519');
  const encrypted = utils.generateKeyPairSync('ed25519', { passphrase: 'key-pass', cipher: 'aes256-ctr', rounds: 4 } as any);
  const allowed = [client.public, encrypted.public].map((k) => utils.parseKey(k) as any);
  const hostKey = utils.parseKey(host.private) as any;
  let logins = 0;

  const local = (p: string) => path.join(root, path.posix.normalize(`/${p}`));
  const attrsOf = (s: fs.Stats) => ({ mode: s.mode, uid: 0, gid: 0, size: s.size, atime: Math.floor(s.atimeMs / 1000), mtime: Math.floor(s.mtimeMs / 1000) });

  const serveSftp = (sftp: any) => {
    const handles = new Map<number, { fd?: number; dir?: string; listed?: boolean }>();
    let next = 0;
    const handle = (h: object) => {
      const id = next++;
      handles.set(id, h as any);
      const b = Buffer.alloc(4);
      b.writeUInt32BE(id);
      return b;
    };
    const get = (b: Buffer) => handles.get(b.readUInt32BE(0));
    const fail = (reqid: number, code = STATUS_CODE.FAILURE) => sftp.status(reqid, code);
    const stat = (reqid: number, p: string) => {
      try {
        sftp.attrs(reqid, attrsOf(fs.statSync(local(p))));
      } catch {
        fail(reqid, STATUS_CODE.NO_SUCH_FILE);
      }
    };
    sftp.on('OPEN', (reqid: number, filename: string, flags: number) => {
      let mode = 'r';
      if (flags & OPEN_MODE.WRITE) mode = flags & OPEN_MODE.APPEND ? 'a' : 'w';
      try {
        sftp.handle(reqid, handle({ fd: fs.openSync(local(filename), mode) }));
      } catch {
        fail(reqid, STATUS_CODE.NO_SUCH_FILE);
      }
    });
    sftp.on('READ', (reqid: number, h: Buffer, offset: number, length: number) => {
      const f = get(h);
      if (f?.fd === undefined) return fail(reqid);
      const buf = Buffer.alloc(length);
      const n = fs.readSync(f.fd, buf, 0, length, offset);
      if (n === 0) return sftp.status(reqid, STATUS_CODE.EOF);
      sftp.data(reqid, buf.subarray(0, n));
    });
    sftp.on('WRITE', (reqid: number, h: Buffer, offset: number, data: Buffer) => {
      const f = get(h);
      if (f?.fd === undefined) return fail(reqid);
      fs.writeSync(f.fd, data, 0, data.length, offset);
      sftp.status(reqid, STATUS_CODE.OK);
    });
    sftp.on('CLOSE', (reqid: number, h: Buffer) => {
      const f = get(h);
      if (f?.fd !== undefined) fs.closeSync(f.fd);
      handles.delete(h.readUInt32BE(0));
      sftp.status(reqid, STATUS_CODE.OK);
    });
    sftp.on('STAT', stat);
    sftp.on('LSTAT', stat);
    sftp.on('FSTAT', (reqid: number, h: Buffer) => {
      const f = get(h);
      if (f?.fd === undefined) return fail(reqid);
      sftp.attrs(reqid, attrsOf(fs.fstatSync(f.fd)));
    });
    sftp.on('SETSTAT', (reqid: number) => sftp.status(reqid, STATUS_CODE.OK));
    sftp.on('FSETSTAT', (reqid: number) => sftp.status(reqid, STATUS_CODE.OK));
    sftp.on('OPENDIR', (reqid: number, p: string) => {
      if (!fs.existsSync(local(p)) || !fs.statSync(local(p)).isDirectory()) return fail(reqid, STATUS_CODE.NO_SUCH_FILE);
      sftp.handle(reqid, handle({ dir: local(p) }));
    });
    sftp.on('READDIR', (reqid: number, h: Buffer) => {
      const d = get(h);
      if (!d?.dir) return fail(reqid);
      if (d.listed) return sftp.status(reqid, STATUS_CODE.EOF);
      d.listed = true;
      const names = fs.readdirSync(d.dir).map((filename) => {
        const s = fs.statSync(path.join(d.dir!, filename));
        return { filename, longname: filename, attrs: attrsOf(s) };
      });
      sftp.name(reqid, names);
    });
    sftp.on('REALPATH', (reqid: number, p: string) => sftp.name(reqid, [{ filename: path.posix.normalize(`/${p}`), longname: '', attrs: {} }]));
    sftp.on('RENAME', (reqid: number, from: string, to: string) => {
      if (fs.existsSync(local(to))) return fail(reqid);
      fs.renameSync(local(from), local(to));
      sftp.status(reqid, STATUS_CODE.OK);
    });
    sftp.on('REMOVE', (reqid: number, p: string) => {
      try {
        fs.unlinkSync(local(p));
        sftp.status(reqid, STATUS_CODE.OK);
      } catch {
        fail(reqid, STATUS_CODE.NO_SUCH_FILE);
      }
    });
  };

  const server = new Server({ hostKeys: [host.private] }, (conn: Connection) => {
    conn.on('authentication', (ctx: any) => {
      if (ctx.username !== user) return ctx.reject();
      if (ctx.method === 'password' && ctx.password === password) return ctx.accept();
      if (ctx.method === 'publickey') {
        const key = allowed.find((k) => k.type === ctx.key.algo && k.getPublicSSH().equals(ctx.key.data));
        if (key && (!ctx.signature || key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true)) return ctx.accept();
      }
      ctx.reject(['password', 'publickey']);
    });
    conn.on('ready', () => {
      logins += 1;
      conn.on('session', (accept: any) => {
        const session = accept();
        session.on('sftp', (acceptSftp: any) => serveSftp(acceptSftp()));
      });
    });
    conn.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as any).port,
    root,
    user,
    password,
    privateKey: client.private,
    encryptedKey: { key: encrypted.private, passphrase: 'key-pass' },
    hostFingerprint: fingerprintOf(hostKey.getPublicSSH()),
    logins: () => logins,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
};
