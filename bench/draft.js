'use strict';
/** A bench file as an import draft, mapped the same way in every part that imports one. */
const fs = require('fs');
const os = require('os');
const path = require('path');

// Both bench files (bench/generate.js) map with the same entries; each takes those of its header.
const CUSTOM = [
  { column: 'address', key: 'address', label: 'Address', type: 'text' },
  { column: 'city', key: 'city', label: 'City', type: 'text' },
  { column: 'plan', key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro', 'team'] },
  { column: 'signup_date', key: 'signupDate', label: 'Signup date', type: 'date' },
];
const BUILT_IN = [
  { column: 'email', field: 'email' },
  { column: 'first_name', field: 'firstName' },
  { column: 'last_name', field: 'lastName' },
  { column: 'mobile', field: 'mobile' },
  { column: 'company', field: 'company' },
  { column: 'newsletter', field: 'emailOptIn' },
];

/** The custom fields, created up front (a filled base, or several imports mapping onto the same fields). */
const createCustomFields = async (strapi) => {
  const fields = strapi.plugin('contacts').service('fields');
  for (const c of CUSTOM) await fields.create({ key: c.key, label: c.label, type: c.type, ...(c.options ? { options: c.options } : {}) });
};

/** A draft of `source` (copied, as an upload is), mapped; `existingFields`: onto fields createCustomFields made, else the import creates them. */
const draftImport = async (strapi, source, { existingFields = false } = {}) => {
  const service = strapi.plugin('contacts').service('imports');
  const temp = path.join(os.tmpdir(), `bench-${process.pid}-${path.basename(source)}`);
  fs.copyFileSync(source, temp);
  const draft = await service.createFromUpload({ filepath: temp, originalFilename: path.basename(source), size: fs.statSync(temp).size }, {}, null);
  const columns = draft.detected.columns;
  const custom = CUSTOM.map((c) => (existingFields ? { column: c.column, field: c.key } : { column: c.column, newField: { key: c.key, label: c.label, type: c.type, ...(c.options ? { options: c.options } : {}) } }));
  const mapping = [...BUILT_IN, ...custom].filter((e) => columns.includes(e.column));
  // The realistic files (the ones with mobiles) write their dates the French way.
  const dateFormat = columns.includes('mobile') ? 'DD/MM/YYYY' : 'YYYY-MM-DD';
  await service.update(draft.documentId, { mapping, options: { dateFormat } }, null);
  return { service, draft };
};

module.exports = { createCustomFields, draftImport };
