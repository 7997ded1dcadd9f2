'use strict';
/**
 * Segments on a big base, in its own process: N contacts written straight
 * into the table (with their folded copies, as the plugin writes them), then
 * a 3-condition dynamic segment (a custom select, a custom date, an opt-in)
 * created (first refresh), refreshed unchanged, refreshed after 1% of the
 * contacts changed; the quick search and the preview timed too.
 * Prints one JSON line.
 */
const { boot } = require('./boot');
const { fillContacts, PLAN } = require('./fill');

const [n = '1000000', db = 'sqlite'] = process.argv.slice(2);
const rows = Number(n);

const time = async (fn) => {
  const t = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Number(process.hrtime.bigint() - t) / 1e6 };
};
const p50 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const main = async () => {
  const app = await boot(db, { CONTACTS_QUEUE_TICK_SECONDS: '3600' });
  const { strapi } = app;
  try {
    const fields = strapi.plugin('contacts').service('fields');
    await fields.create({ key: 'plan', label: 'Plan', type: 'select', options: PLAN });
    await fields.create({ key: 'signupDate', label: 'Signup date', type: 'date' });
    const knex = strapi.db.connection;
    const fill = await time(() => fillContacts(strapi, rows));
    const segments = strapi.plugin('contacts').service('segments');
    const criteria = {
      match: 'all',
      conditions: [
        { field: 'plan', operator: 'in', value: ['pro'] },
        { field: 'signupDate', operator: 'inLastDays', value: 365 },
        { field: 'emailOptIn', operator: 'in', value: ['yes'] },
      ],
    };
    const created = await time(() => segments.create({ name: 'Bench', kind: 'dynamic', criteria }));
    const unchanged = await time(() => segments.refresh(created.value.documentId));
    // 1% of the contacts change plan (pro ↔ free): some enter the segment, some leave it.
    const changed = Math.round(rows / 100);
    await knex.transaction(async (trx) => {
      const ids = await trx('contacts_contacts').select('id', 'attributes').where('id', '<=', changed * 7).andWhereRaw('id % 7 = 0');
      for (const r of ids.slice(0, changed)) {
        const a = typeof r.attributes === 'string' ? JSON.parse(r.attributes) : r.attributes;
        a.plan = a.plan === 'pro' ? 'free' : 'pro';
        await trx('contacts_contacts').where({ id: r.id }).update({ attributes: JSON.stringify(a) });
      }
    });
    const afterChange = await time(() => segments.refresh(created.value.documentId));
    const contacts = strapi.plugin('contacts').service('contacts');
    const searches = {};
    for (const q of ['helene', 'contact.123456@example.com', '06 10 12 34 56', 'dubois']) {
      const ms = [];
      for (let k = 0; k < 5; k++) {
        contacts.changed();
        ms.push((await time(() => contacts.find({ q, pageSize: 25 }))).ms);
      }
      searches[q] = Math.round(p50(ms));
    }
    const preview = await time(() => segments.preview({ match: 'all', conditions: [{ field: 'lastName', operator: 'startsWith', value: 'dub' }, { field: 'plan', operator: 'in', value: ['team'] }] }));
    console.log(
      JSON.stringify({
        db,
        rows,
        fillSeconds: fill.ms / 1000,
        members: created.value.count,
        createMs: Math.round(created.ms),
        refreshUnchangedMs: Math.round(unchanged.ms),
        refreshAfter1PctMs: Math.round(afterChange.ms),
        afterChange: { added: afterChange.value.added, removed: afterChange.value.removed, count: afterChange.value.count },
        quickSearchP50Ms: searches,
        previewMs: Math.round(preview.ms),
        previewCount: preview.value.count,
      })
    );
  } finally {
    await app.stop();
  }
  process.exit(0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
