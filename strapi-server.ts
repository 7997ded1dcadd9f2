// Entry for tooling that imports the plugin from its source; Strapi itself
// loads the built file named by package.json "exports" → "./strapi-server".
export { default } from './server/src';
