'use strict';
/**
 * Deterministic benchmark file: N rows of ~110 bytes, 2% case-variant
 * duplicates of earlier addresses, 0.5% invalid e-mails. Same N → same bytes.
 */
const fs = require('fs');

const FIRST = ['Anne', 'Bruno', 'Chloé', 'David', 'Élodie', 'François', 'Gaëlle', 'Hugo', 'Inès', 'Jules', 'Léa', 'Mathéo'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau'];
const CITY = ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nice', 'Nantes', 'Strasbourg', 'Montpellier', 'Bordeaux', 'Lille'];
const PLAN = ['free', 'pro', 'team'];
const STREET = ['de la Paix', 'Victor Hugo', 'du Moulin', 'des Lilas', 'Pasteur', 'de la Gare'];

/** xorshift32: reproducible without a dependency. */
const rng = (seed) => () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};

const generate = (file, rows) => {
  const rand = rng(0x5eed + rows);
  const out = fs.openSync(file, 'w');
  let buf = 'email,first_name,last_name,company,address,city,plan,signup_date,newsletter\n';
  let invalid = 0;
  let duplicates = 0;
  for (let i = 0; i < rows; i += 1) {
    const r = rand();
    let email;
    if (r < 0.005) {
      email = `broken.${i}@@example`;
      invalid += 1;
    } else if (r < 0.025 && i > 100) {
      const j = Math.floor(rand() * i);
      email = `Contact.${j}@Example.COM`;
      duplicates += 1;
    } else {
      email = `contact.${i}@example.com`;
    }
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 7) % LAST.length];
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    buf += `${email},${first},${last},Société ${i % 5000} SARL,${1 + (i % 180)} rue ${STREET[i % STREET.length]},${CITY[i % CITY.length]},${PLAN[i % 3]},2025-${month}-${day},${i % 2 ? 'yes' : 'no'}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(out, buf);
      buf = '';
    }
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);
  return { rows, invalid, duplicates, bytes: fs.statSync(file).size };
};

/**
 * A file like the ones people import: mobiles in mixed national and
 * international forms drawn from a small pool (so contacts share them), a few
 * unreadable mobiles (warnings, never failures), case-variant duplicate
 * e-mails, invalid e-mails, and custom fields. Returns what an exact import
 * must count: created = distinct valid e-mails, failed = invalid e-mails,
 * warnings = rows whose mobile cannot be read. `part` k > 0: the k-th of
 * several files of `rows` rows (its own draws, e-mails numbered from k × rows),
 * so no two parts share a contact; part 0 is the single file's bytes.
 */
const generateRealistic = (file, rows, part = 0) => {
  const rand = rng(0xc0ffee + rows + part * 0x9e37);
  const at = part * rows;
  const out = fs.openSync(file, 'w');
  let buf = 'email,first_name,last_name,mobile,company,city,plan,signup_date,newsletter\n';
  const distinct = new Set();
  let invalid = 0;
  let badMobiles = 0;
  const pool = Math.max(10, Math.floor(rows / 4));
  for (let i = 0; i < rows; i += 1) {
    const r = rand();
    let email;
    if (r < 0.005) {
      email = `broken.${at + i}@@example`;
      invalid += 1;
    } else if (r < 0.025 && i > 100) {
      email = `Contact.${at + Math.floor(rand() * i)}@Example.COM`;
    } else {
      email = `contact.${at + i}@example.com`;
    }
    const valid = r >= 0.005;
    if (valid) distinct.add(email.toLowerCase());
    const n = String(10000000 + Math.floor(rand() * pool)).slice(-8);
    const form = rand();
    let mobile;
    if (form < 0.003) {
      mobile = `06 ${n.slice(0, 2)}`;
      if (valid) badMobiles += 1;
    } else if (form < 0.35) mobile = `06${n}`;
    else if (form < 0.6) mobile = `+33 6 ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6)}`;
    else if (form < 0.8) mobile = `06.${n.slice(0, 2)}.${n.slice(2, 4)}.${n.slice(4, 6)}.${n.slice(6)}`;
    else if (form < 0.9) mobile = `0033 6${n}`;
    else mobile = '';
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 7) % LAST.length];
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    buf += `${email},${first},${last},${mobile},"Société ${i % 5000}, SARL",${CITY[i % CITY.length]},${PLAN[i % 3]},${day}/${month}/2025,${i % 3 === 0 ? 'oui' : i % 3 === 1 ? 'non' : ''}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(out, buf);
      buf = '';
    }
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);
  return { rows, expected: { created: distinct.size, failed: invalid, warnings: badMobiles }, bytes: fs.statSync(file).size };
};

/**
 * A file to import into a base filled by bench/fill.js: the shape of the
 * realistic file, half of its rows contacts of the base (their e-mails, in
 * another case, with changed values), half new ones.
 */
const generateUpdates = (file, rows, baseRows) => {
  const rand = rng(0xbeef + rows);
  const out = fs.openSync(file, 'w');
  let buf = 'email,first_name,last_name,mobile,company,city,plan,signup_date,newsletter\n';
  let known = 0;
  const seen = new Set();
  for (let i = 0; i < rows; i += 1) {
    let email;
    if (i % 2 === 0) {
      // Spread over the whole base, each known contact once.
      let j = Math.floor(rand() * baseRows);
      while (seen.has(j)) j = (j + 1) % baseRows;
      seen.add(j);
      email = `Contact.${j}@example.com`;
      known += 1;
    } else email = `new.${i}@example.com`;
    const n = String(10000000 + Math.floor(rand() * 90000000)).slice(-8);
    const mobile = i % 3 === 0 ? `06${n}` : i % 3 === 1 ? `+33 6 ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6)}` : '';
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    buf += `${email},${FIRST[(i + 3) % FIRST.length]},${LAST[i % LAST.length]},${mobile},"Société ${i % 5000}, SARL",${CITY[i % CITY.length]},${PLAN[(i + 1) % 3]},${day}/${month}/2026,${i % 2 ? 'oui' : ''}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(out, buf);
      buf = '';
    }
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);
  return { rows, expected: { created: rows - known, updated: known }, bytes: fs.statSync(file).size };
};

/** Known contacts of a base filled by bench/fill.js with one custom field changed (a CRM sync): e-mail and plan only. */
const generateOneField = (file, rows, baseRows) => {
  const rand = rng(0xfeed + rows);
  const seen = new Set();
  let buf = 'email,plan\n';
  for (let i = 0; i < rows; i += 1) {
    let j = Math.floor(rand() * baseRows);
    while (seen.has(j)) j = (j + 1) % baseRows;
    seen.add(j);
    // bench/fill.js gives contact j the plan PLAN[j % 3]: the next one is a change.
    buf += `contact.${j}@example.com,${PLAN[(j + 1) % 3]}\n`;
  }
  fs.writeFileSync(file, buf);
  return { rows, bytes: fs.statSync(file).size };
};

module.exports = { generate, generateRealistic, generateUpdates, generateOneField };
if (require.main === module) {
  const rows = Number(process.argv[2] || 1_000_000);
  const file = process.argv[3] || `bench-${rows}.csv`;
  console.log(generate(file, rows));
}
