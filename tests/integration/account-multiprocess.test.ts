// Account and claim use cases from two processes on one database file. Each reads and then
// writes; a plain deferred BEGIN fails at once with SQLITE_BUSY_SNAPSHOT when the other process
// commits between the read and the write (busy_timeout does not apply to a stale snapshot).
// Through inTransaction (BEGIN IMMEDIATE) the processes queue and every write lands.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/auth/types.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { T0, createUser } from '../helpers/workflow.ts';

const ROUNDS = 300;
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

interface Worker {
  ready: Promise<void>;
  go(): void;
  result: Promise<unknown[]>;
}

/** A child process that opens the database, says "ready" and runs its loop when told to go. */
function worker(command: 'role' | 'reject', args: unknown): Worker {
  const child = spawn(process.execPath, ['tests/helpers/account-worker.ts', t.path, command, JSON.stringify(args)], { stdio: ['pipe', 'pipe', 'pipe'], timeout: 120_000 });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (stdout.startsWith('ready\n')) markReady();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const result = new Promise<unknown[]>((resolve, reject) => {
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(stdout.slice('ready\n'.length)) as unknown[]);
      else reject(new Error(`${command} worker exited with ${code}: ${stderr.match(/(?:SqliteError|Error)[^\n]*|code: '\w+'/g)?.join(' ') ?? stderr}`));
    });
  });
  ready.catch(() => undefined);
  return { ready: Promise.race([ready, result.then(() => undefined)]), go: () => child.stdin.end('go\n'), result };
}

describe('account and claim use cases in two processes at once', () => {
  it('lands every role change and every claim decision, each with its audit row', async () => {
    const modId = await createUser(t.db, 'moderator', 'Mod');
    const target = await t.db.selectFrom('users').select(['email']).where('id', '=', await createUser(t.db, 'consumer', 'Target')).executeTakeFirstOrThrow();
    const company = await t.db
      .insertInto('companies')
      .values({ name: 'Due Processi Srl', name_key: 'due processi srl', slug: 'due-processi', domain: 'dueprocessi.it', created_at: T0, updated_at: T0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const claimIds: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const userId = await createUser(t.db, 'consumer', 'Claimant');
      const row = await t.db
        .insertInto('company_claims')
        .values({ company_id: company.id, user_id: userId, method: 'moderator', email: null, status: 'pending', created_at: T0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      claimIds.push(row.id);
    }
    const moderator: SessionUser = { id: modId, email: 'mod@example.test', displayName: 'Mod', role: 'moderator', locale: 'it', emailVerified: true, companyIds: [] };

    const workers = [worker('role', { email: target.email, times: ROUNDS, now: T0 }), worker('reject', { moderator, claimIds, now: T0 })];
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.go();
    const [roles, decisions] = await Promise.all(workers.map((w) => w.result));

    expect(roles).toEqual(Array.from({ length: ROUNDS }, () => true));
    expect(decisions).toEqual(Array.from({ length: ROUNDS }, () => 'ok'));
    const pending = await t.db.selectFrom('company_claims').select('id').where('status', '=', 'pending').execute();
    expect(pending).toHaveLength(0);
    const audit = await t.db.selectFrom('audit_log').select(['action']).where('action', 'in', ['user.set_role', 'claim.reject']).execute();
    expect(audit.filter((r) => r.action === 'user.set_role')).toHaveLength(ROUNDS);
    expect(audit.filter((r) => r.action === 'claim.reject')).toHaveLength(ROUNDS);
  });
});
