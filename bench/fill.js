'use strict';
/**
 * N contacts written straight into the contacts table (with their folded
 * copies, as the plugin writes them), 5,000 per statement batch: a 1M base in
 * seconds instead of an import's minutes. Shared by the segment and export
 * benchmarks and by tests that need a big base.
 */
const FIRST = ['Anne', 'Bruno', 'Chloé', 'David', 'Élodie', 'François', 'Gaëlle', 'Hugo', 'Inès', 'Jules', 'Léa', 'Hélène'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau'];
const PLAN = ['free', 'pro', 'team'];
const DAY = 86_400_000;
/** The plugin's folding rule (fields/fold.ts), for rows written around the plugin. */
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Contact number j, the same on every run (`attributes`: a plan and a signup date, the bench's custom fields). */
const contactRow = (j, { sqlite, now }) => {
  const first = FIRST[j % FIRST.length];
  const last = LAST[(j * 7) % LAST.length];
  const email = `contact.${j}@example.com`;
  const mobile = `+336${String(10000000 + j).slice(-8)}`;
  const ts = sqlite ? now : new Date(now);
  return {
    document_id: `bench${String(j).padStart(19, '0')}`,
    email,
    mobile,
    first_name: first,
    last_name: last,
    email_opt_in: j % 5 < 3 ? 'yes' : j % 5 === 3 ? 'no' : null,
    email_status: 'unknown',
    mobile_status: 'unknown',
    tags: '[]',
    attributes: JSON.stringify({ plan: PLAN[j % 3], signupDate: new Date(now - (j % 730) * DAY).toISOString().slice(0, 10) }),
    folded: JSON.stringify({ email, mobile, firstName: fold(first), lastName: fold(last) }),
    search: [fold(first), fold(last), email, mobile].join(' \u0001 '),
    created_at: ts,
    updated_at: ts,
    published_at: ts,
  };
};

const fillContacts = async (strapi, rows, { now = Date.now() } = {}) => {
  const knex = strapi.db.connection;
  const sqlite = strapi.db.dialect.client === 'sqlite';
  for (let i = 0; i < rows; i += 5000) {
    const batch = [];
    for (let j = i; j < Math.min(rows, i + 5000); j++) batch.push(contactRow(j, { sqlite, now }));
    await knex.batchInsert('contacts_contacts', batch, sqlite ? 400 : 1000);
  }
  // As the end of a big import does (dialect.refreshStats): Postgres plans on the real size.
  if (strapi.db.dialect.client === 'postgres') await knex.raw('ANALYZE contacts_contacts');
};

module.exports = { fillContacts, fold, PLAN };
