'use strict';
// Plugin build (seconds) and playground admin build (~1 min, only when the
// plugin's admin code or the app changed since the last one).
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const playground = path.join(root, 'playground');
const stamp = path.join(playground, 'build', '.contacts-admin-hash');
const bin = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/package.json`, { paths: [root] })), file);

const hashTree = (hash, dir) => {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, p);
    else hash.update(entry.name).update(fs.readFileSync(p));
  }
};

const adminHash = () => {
  const hash = crypto.createHash('sha1');
  for (const dir of ['dist/admin', 'playground/config', 'playground/src/admin']) hashTree(hash, path.join(root, dir));
  hash.update(fs.readFileSync(path.join(root, 'package-lock.json')));
  return hash.digest('hex');
};

const buildPlugin = () => {
  const t = Date.now();
  execFileSync(process.execPath, [bin('@strapi/sdk-plugin', 'bin/strapi-plugin.js'), 'build'], { cwd: root, stdio: 'inherit' });
  console.log(`[contacts] plugin built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
};

const buildAdminIfStale = () => {
  const hash = adminHash();
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) {
    console.log('[contacts] playground admin is up to date');
    return;
  }
  const t = Date.now();
  execFileSync(process.execPath, [bin('@strapi/strapi', 'bin/strapi.js'), 'build'], { cwd: playground, stdio: 'inherit' });
  fs.writeFileSync(stamp, hash);
  console.log(`[contacts] playground admin built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
};

module.exports = { buildPlugin, buildAdminIfStale };
if (require.main === module) {
  buildPlugin();
  if (!process.argv.includes('--plugin-only')) buildAdminIfStale();
}
