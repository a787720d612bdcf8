// The data migrations of decision 0049: company name keys recomputed without the over-broad
// legal forms, and claims granted at public mail domains (decision 0029 left them) taken back to
// a moderator, the badge and the role gone, one audit row per claim.
import { Migrator } from 'kysely/migration';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { migrationProvider } from '../../src/db/migrations.ts';
import { hasGrantedClaim } from '../../src/db/claim.repository.ts';

describe('the identity data migrations (decision 0049)', () => {
  it('recompute name keys and reopen claims granted at public mail domains', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'answerable-identity-migrations-'));
    const opened = openDatabase(join(dir, 'before.sqlite'));
    try {
      const migrator = new Migrator({ db: opened.db, provider: migrationProvider });
      expect((await migrator.migrateTo('2026-12-05T0900-company-channel-figures')).error).toBeUndefined();
      const db = opened.db;
      const user = async (email: string, role: 'consumer' | 'company_rep') =>
        (await db.insertInto('users').values({ email, email_verified_at: 1, display_name: email.split('@')[0]!, password_hash: 'x', role, created_at: 1, password_changed_at: null, banned_at: null }).returning('id').executeTakeFirstOrThrow()).id;
      const company = async (slug: string, name: string, nameKey: string, domain: string | null) =>
        (await db.insertInto('companies').values({ slug, name, name_key: nameKey, domain, created_at: 1, updated_at: 1 }).returning('id').executeTakeFirstOrThrow()).id;
      const amazonItalia = await company('amazon-italia', 'Amazon Italia', 'amazon', 'amazon.it');
      const banca = await company('banca-d-italia', "Banca d'Italia", 'bancad', null);
      const shop = await company('negozio-gmail', 'Negozio Gmail', 'negoziogmail', 'gmail.com');
      const good = await company('fiori-buoni', 'Fiori Buoni', 'fioribuoni', 'fioribuoni.example');
      const stranger = await user('random.stranger@example.org', 'company_rep');
      const rep = await user('team@example.org', 'company_rep');
      const both = await user('both@example.org', 'company_rep');
      const claim = async (companyId: number, userId: number, email: string, status: 'verified' | 'approved') =>
        (await db.insertInto('company_claims').values({ company_id: companyId, user_id: userId, method: 'domain_email', email, status, created_at: 1, decided_at: 2, decided_by: null }).returning('id').executeTakeFirstOrThrow()).id;
      const gmailClaim = await claim(shop, stranger, 'random.stranger@gmail.com', 'verified');
      const goodClaim = await claim(good, rep, 'team@fioribuoni.example', 'verified');
      const liberoClaim = await claim(good, both, 'both@libero.it', 'approved');
      await claim(good, both, 'both@fioribuoni.example', 'verified');
      await db.updateTable('companies').set({ claimed_by_user_id: stranger, claimed_at: 2 }).where('id', '=', shop).execute();

      expect((await migrator.migrateToLatest()).error).toBeUndefined();

      const key = async (id: number) => (await db.selectFrom('companies').select('name_key').where('id', '=', id).executeTakeFirstOrThrow()).name_key;
      expect(await key(amazonItalia)).toBe('amazonitalia');
      expect(await key(banca)).toBe('bancaditalia');
      const status = async (id: number) => (await db.selectFrom('company_claims').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
      expect(await status(gmailClaim)).toBe('pending');
      expect(await status(liberoClaim)).toBe('pending');
      expect(await status(goodClaim)).toBe('verified');
      expect(await hasGrantedClaim(db, shop)).toBe(false);
      const shopRow = await db.selectFrom('companies').select('claimed_by_user_id').where('id', '=', shop).executeTakeFirstOrThrow();
      expect(shopRow.claimed_by_user_id).toBeNull();
      const role = async (id: number) => (await db.selectFrom('users').select('role').where('id', '=', id).executeTakeFirstOrThrow()).role;
      expect(await role(stranger)).toBe('consumer');
      expect(await role(both)).toBe('company_rep');
      const audit = await db.selectFrom('audit_log').select(['subject_id', 'from_state', 'to_state', 'data']).where('action', '=', 'claim.reopen_public_mail').orderBy('id').execute();
      expect(audit).toEqual([
        { subject_id: String(gmailClaim), from_state: 'verified', to_state: 'pending', data: JSON.stringify({ domain: 'gmail.com', why: 'webmail' }) },
        { subject_id: String(liberoClaim), from_state: 'approved', to_state: 'pending', data: expect.stringContaining('"domain":"libero.it"') },
      ]);
    } finally {
      await opened.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
