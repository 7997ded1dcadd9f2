'use strict';
// `npm start`: secrets on first run, then `strapi start`; prints where the admin is
// once the server answers.
const { spawn } = require('child_process');
const http = require('http');
const path = require('path');
const { ensureEnv } = require('./env');

ensureEnv();
const port = Number(process.env.PORT || 1337);
const strapiBin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
const child = spawn(process.execPath, [strapiBin, 'start'], { cwd: path.join(__dirname, '..'), stdio: 'inherit' });

const forward = (signal) => () => child.kill(signal);
process.on('SIGINT', forward('SIGINT'));
process.on('SIGTERM', forward('SIGTERM'));
child.on('exit', (code) => process.exit(code ?? 0));

const started = Date.now();
const poll = () => {
  http
    .get({ host: '127.0.0.1', port, path: '/_health' }, (res) => {
      res.resume();
      const email = process.env.DEMO_ADMIN_EMAIL || 'admin@example.com';
      console.log(
        `\n  Contacts playground ready in ${((Date.now() - started) / 1000).toFixed(1)} s` +
          `\n  Admin: http://localhost:${port}/admin  (login: ${email} / ${process.env.DEMO_ADMIN_PASSWORD ? '$DEMO_ADMIN_PASSWORD' : 'Contacts2026!'})\n`
      );
    })
    .on('error', () => setTimeout(poll, 500));
};
setTimeout(poll, 1000);
