// Entry for tooling that imports the admin part from its source; Strapi's admin
// build loads the built file named by package.json "exports" → "./strapi-admin".
export { default } from './admin/src';
