// npm run import:cfpb -- <file.csv> [--rejects <path>] [--batch-size <n>] [--bulk | --no-bulk] [--no-stats] [--json]
// Imports a CFPB consumer-complaint export into DATABASE_PATH (default data/answerable.sqlite).
// Files of 64 MiB or more go through the bulk load path (decision 0043: indexes, triggers and the
// search index built once at the end); --bulk forces it, --no-bulk keeps today's path.
// Progress goes to stderr (a bar on a terminal, a line every few seconds otherwise); the summary
// to stdout. Exit status: 0 when the file was read (rejected rows are in the rejects file), 2 when
// it is not an importable CFPB export, 1 on any other failure.
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { CfpbFileError, type ImportProgress, importCfpbFile } from '../src/import/cfpb-import.ts';
import { checkConfigOrExit } from '../src/config.ts';

checkConfigOrExit();

const usage = 'usage: npm run import:cfpb -- <file.csv> [--rejects <path>] [--batch-size <n>] [--bulk | --no-bulk] [--no-stats] [--json]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rejects: { type: 'string' },
    'batch-size': { type: 'string' },
    'no-stats': { type: 'boolean', default: false },
    bulk: { type: 'boolean' },
    'no-bulk': { type: 'boolean', default: false },
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
const phases: Record<ImportProgress['phase'], string> = {
  import: 'import',
  load: 'loading rows',
  search: 'building the search index',
  indexes: 'building indexes',
  'read-models': 'read models',
  updates: 'updating stories seen before',
  done: 'done',
};
function showProgress(p: ImportProgress): void {
  const fraction = p.totalBytes === 0 ? 1 : Math.min(1, p.bytesRead / p.totalBytes);
  const rate = p.elapsedMs > 0 ? Math.round(((p.imported + p.updated) / p.elapsedMs) * 1000) : 0;
  const counts = `${p.rowsRead} rows: ${p.imported} imported, ${p.updated} updated, ${p.rejected} rejected, ${rate} rows/s · ${phases[p.phase]}`;
  if (tty) {
    const width = 30;
    const filled = Math.round(fraction * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${counts}\u001b[K`);
  } else if (p.phase !== 'import' && p.phase !== 'load') {
    process.stderr.write(`${(fraction * 100).toFixed(0)}% ${counts}\n`);
  } else if (performance.now() - lastLine > 5000) {
    lastLine = performance.now();
    process.stderr.write(`${(fraction * 100).toFixed(0)}% ${counts}\n`);
  }
}

const opened = openDatabase();
try {
  await migrateToLatest(opened.db);
  const bulk = values['no-bulk'] ? false : values.bulk ? true : 'auto';
  const summary = await importCfpbFile(opened, file, { rejectsPath: values.rejects, batchSize, bulk, stats: !values['no-stats'], onProgress: showProgress });
  if (tty) process.stderr.write('\n');
  if (values.json) {
    console.log(JSON.stringify(summary));
  } else {
    const reasons = Object.entries(summary.rejectedByReason).map(([r, n]) => `${r} ${n}`).join(', ');
    console.log(
      [
        `Imported ${file} into ${opened.path} in ${(summary.elapsedMs / 1000).toFixed(1)} s (${summary.path === 'bulk' ? 'bulk load path' : 'incremental path'})`,
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
