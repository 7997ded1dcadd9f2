import crypto from 'crypto';
import net from 'net';
import IORedis from 'ioredis';

export const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** A BullMQ key prefix of its own per suite, so suites never share queues; `clean` deletes its keys. */
export const redisPrefix = (suite: string) => {
  const prefix = `contacts-test-${suite}-${crypto.randomBytes(4).toString('hex')}`;
  return {
    prefix,
    keys: async () => {
      const redis = new IORedis(REDIS_URL);
      try {
        return await redis.keys(`${prefix}:*`);
      } finally {
        redis.disconnect();
      }
    },
    clean: async () => {
      const redis = new IORedis(REDIS_URL);
      try {
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    },
  };
};

/**
 * A TCP relay to the machine's Redis that the test can cut and restore:
 * "Redis down" and "Redis back" without touching the shared server.
 */
export const redisRelay = async () => {
  const target = new URL(REDIS_URL);
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(p));
    });
  });
  const up = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 6379), target.hostname);
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => resolve());
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });
  return { url: `redis://127.0.0.1:${port}`, up, down };
};
