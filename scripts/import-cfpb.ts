// npm run import:cfpb -- <file.csv> [--rejects <path>] [--batch-size <n>] [--no-stats] [--json]
// Imports a CFPB consumer-complaint export into DATABASE_PATH (default data/answerable.sqlite).
// Progress goes to stderr (a bar on a terminal, a line every few seconds otherwise); the summary
// to stdout. Exit status: 0 when the file was read (rejected rows are in the rejects file), 2 when
// it is not an importable CFPB export, 1 on any other failure.
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { CfpbFileError, type ImportProgress, importCfpbFile } from '../src/import/cfpb-import.ts';
import { checkConfigOrExit } from '../src/config.ts';

checkConfigOrExit();

const usage = 'usage: npm run import:cfpb -- <file.csv> [--rejects <path>] [--batch-size <n>] [--no-stats] [--json]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rejects: { type: 'string' },
    'batch-size': { type: 'string' },
    'no-stats': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help || positionals.length !== 1) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const file = positionals[0]!;
const batchSize = values['batch-size'] ? Number(values['batch-size']) : undefined;
if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) {
  console.error(`--batch-size must be a positive whole number\n${usage}`);
  process.exit(2);
}

const tty = process.stderr.isTTY === true;
let lastLine = 0;
function showProgress(p: ImportProgress): void {
  const fraction = p.totalBytes === 0 ? 1 : Math.min(1, p.bytesRead / p.totalBytes);
  const counts = `${p.rowsRead} rows: ${p.imported} imported, ${p.updated} updated, ${p.rejected} rejected`;
  if (tty) {
    const width = 30;
    const filled = Math.round(fraction * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${counts}\u001b[K`);
  } else if (performance.now() - lastLine > 5000) {
    lastLine = performance.now();
    process.stderr.write(`${(fraction * 100).toFixed(0)}% ${counts}\n`);
  }
}

const opened = openDatabase();
try {
  await migrateToLatest(opened.db);
  const summary = await importCfpbFile(opened, file, { rejectsPath: values.rejects, batchSize, stats: !values['no-stats'], onProgress: showProgress });
  if (tty) process.stderr.write('\n');
  if (values.json) {
    console.log(JSON.stringify(summary));
  } else {
    const reasons = Object.entries(summary.rejectedByReason).map(([r, n]) => `${r} ${n}`).join(', ');
    console.log(
      [
        `Imported ${file} into ${opened.path} in ${(summary.elapsedMs / 1000).toFixed(1)} s`,
        `  rows read  ${summary.rowsRead}`,
        `  imported   ${summary.imported}`,
        `  updated    ${summary.updated}`,
        `  rejected   ${summary.rejected}${reasons ? ` (${reasons})` : ''}`,
        `  companies  ${summary.companiesCreated} created, ${summary.companiesTouched} touched; statistics: ${summary.stats.replace('_', ' ')}`,
        summary.rejectsFile ? `  rejects    ${summary.rejectsFile}` : '  rejects    none',
      ].join('\n'),
    );
  }
} catch (error) {
  if (tty) process.stderr.write('\n');
  console.error(`import failed: ${(error as Error).message}`);
  process.exitCode = error instanceof CfpbFileError ? 2 : 1;
} finally {
  await opened.db.destroy();
}
