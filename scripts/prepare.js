'use strict';
// Runs after `npm install` in a clone (the playground workspace's postinstall: never when the plugin
// is installed from the registry): builds the plugin, writes the playground's
// secrets, and builds the playground admin once so `npm start` boots at once.
const { execFileSync } = require('child_process');
const path = require('path');
const { buildPlugin, buildAdminIfStale } = require('./build');

if (process.env.CONTACTS_SKIP_PREPARE === '1') process.exit(0);
const root = path.join(__dirname, '..');
require(path.join(root, 'playground/scripts/env.js')).ensureEnv();
buildPlugin();
buildAdminIfStale();
