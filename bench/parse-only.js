'use strict';
// Reference: csv-parse alone on the file (arrays, no mapping, no database).
const fs = require('fs');
const { parse } = require('csv-parse');

const run = (file) =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    let rows = 0;
    fs.createReadStream(file)
      .pipe(parse({ relax_column_count: true }))
      .on('data', () => (rows += 1))
      .on('end', () => resolve({ rows: rows - 1, seconds: Number(process.hrtime.bigint() - started) / 1e9 }))
      .on('error', reject);
  });

module.exports = { run };
if (require.main === module) run(process.argv[2]).then((r) => console.log(JSON.stringify(r)));
