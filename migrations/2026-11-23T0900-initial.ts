// Frozen: never edit a migration that has shipped; add a new one instead.
// Timestamps are INTEGER epoch milliseconds (UTC); calendar dates are TEXT 'YYYY-MM-DD'.
// See docs/decisions/0002-sqlite-data-model.md.
import { type Kysely, sql } from 'kysely';

const strict = sql`strict`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('email_verified_at', 'integer')
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().defaultTo('consumer').check(sql`role in ('consumer','company_rep','moderator','admin')`),
    )
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('it').check(sql`locale in ('it','en')`))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('password_changed_at', 'integer')
    .addColumn('banned_at', 'integer')
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('secret_hash', 'blob', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('last_seen_at', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'integer', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  // One-time tokens: e-mail verification, password reset, company-claim verification.
  await db.schema
    .createTable('user_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('verify_email','reset_password','claim_company')`),
    )
    .addColumn('secret_hash', 'blob', (c) => c.notNull())
    .addColumn('data', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'integer', (c) => c.notNull())
    .addColumn('used_at', 'integer')
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('user_tokens_user').on('user_tokens').columns(['user_id', 'kind']).execute();

  await db.schema
    .createTable('companies')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    // Lower-cased, accents and legal suffixes stripped: duplicate-company detection.
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('domain', 'text')
    .addColumn('country', 'text', (c) => c.notNull().defaultTo('IT'))
    .addColumn('sector', 'text', (c) => c.notNull().defaultTo('other'))
    .addColumn('description', 'text')
    .addColumn('claimed_by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('claimed_at', 'integer')
    .addColumn('merged_into_id', 'integer', (c) => c.references('companies.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('companies_domain').on('companies').column('domain').execute();
  await db.schema.createIndex('companies_name_key').on('companies').column('name_key').execute();
  await db.schema.createIndex('companies_sector').on('companies').columns(['sector', 'name']).execute();

  await db.schema
    .createTable('company_claims')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('domain_email','moderator')`))
    .addColumn('email', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending','verified','approved','rejected','revoked')`),
    )
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('decided_at', 'integer')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('company_claims_company').on('company_claims').columns(['company_id', 'status']).execute();
  await db.schema.createIndex('company_claims_user').on('company_claims').columns(['user_id', 'status']).execute();

  await db.schema
    .createTable('stories')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    // NULL for imported stories and after an author chose anonymisation on erasure.
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('member').check(sql`source in ('member','cfpb','demo')`))
    .addColumn('external_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('experience_date', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) =>
      c.notNull().check(
        sql`category in ('delivery','refund','billing','account_access','technical_support','installation','cancellation','warranty','other')`,
      ),
    )
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('it','en')`))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(
        sql`state in ('awaiting_reply','overdue','answered','resolved','unresolved','closed_no_verdict','hidden','withdrawn')`,
      ),
    )
    // The state a hidden story returns to when a moderator restores it.
    .addColumn('state_before_hidden', 'text')
    .addColumn('published_at', 'integer', (c) => c.notNull())
    .addColumn('reply_due_at', 'integer', (c) => c.notNull())
    .addColumn('first_reply_at', 'integer')
    .addColumn('verdict_at', 'integer')
    .addColumn('resolved', 'integer')
    .addColumn('would_buy_again', 'integer')
    .addColumn('rating', 'integer', (c) => c.check(sql`rating between 1 and 5`))
    .addColumn('verdict_comment', 'text')
    .addColumn('reopened_at', 'integer')
    .addColumn('closed_at', 'integer')
    .addColumn('edited_at', 'integer')
    .addColumn('withdrawn_at', 'integer')
    .addColumn('hidden_at', 'integer')
    .addColumn('last_activity_at', 'integer', (c) => c.notNull())
    // Private: seen only by moderators and the company's representatives.
    .addColumn('order_reference', 'text')
    .addColumn('evidence_verified_at', 'integer')
    // Hash of author + company + normalised title/body: identical double posts collapse to one.
    .addColumn('dedupe_key', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  // Company page: a company's stories by recency, optionally by state.
  await db.schema.createIndex('stories_company_published').on('stories').columns(['company_id', 'published_at']).execute();
  await db.schema.createIndex('stories_company_state').on('stories').columns(['company_id', 'state', 'published_at']).execute();
  // Home page: recent public stories; scheduler: open deadlines.
  await db.schema.createIndex('stories_published').on('stories').column('published_at').execute();
  await db.schema.createIndex('stories_state_due').on('stories').columns(['state', 'reply_due_at']).execute();
  await db.schema.createIndex('stories_author').on('stories').column('author_id').execute();
  await db.schema
    .createIndex('stories_external')
    .on('stories')
    .columns(['source', 'external_id'])
    .unique()
    .where(sql.ref('external_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('stories_dedupe')
    .on('stories')
    .column('dedupe_key')
    .unique()
    .where(sql.ref('dedupe_key'), 'is not', null)
    .execute();

  await db.schema
    .createTable('story_channels')
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) =>
      c.notNull().check(
        sql`channel in ('phone_tollfree','phone_paid','email','chat','web_form','social','store','letter')`,
      ),
    )
    // What the consumer reports: minutes waited for an answer on this channel (NULL = never answered).
    .addColumn('wait_minutes', 'integer')
    .addColumn('answered', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('story_channels_pk', ['story_id', 'channel'])
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('story_messages')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_role', 'text', (c) => c.notNull().check(sql`author_role in ('consumer','company')`))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('edited_at', 'integer')
    .addColumn('hidden_at', 'integer')
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('story_messages_story').on('story_messages').columns(['story_id', 'created_at']).execute();

  await db.schema
    .createTable('story_message_revisions')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('message_id', 'integer', (c) => c.notNull().references('story_messages.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('story_message_revisions_message').on('story_message_revisions').column('message_id').execute();

  await db.schema
    .createTable('story_revisions')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('editor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('story_revisions_story').on('story_revisions').column('story_id').execute();

  // Follow-ups of a "resolved" verdict: asked 7 and 30 days later whether it is still resolved.
  await db.schema
    .createTable('story_followups')
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('7d','30d')`))
    .addColumn('due_at', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'integer')
    .addColumn('answered_at', 'integer')
    .addColumn('still_resolved', 'integer')
    .addPrimaryKeyConstraint('story_followups_pk', ['story_id', 'kind'])
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('story_followups_due').on('story_followups').columns(['sent_at', 'due_at']).execute();

  await db.schema
    .createTable('photos')
    .addColumn('id', 'text', (c) => c.primaryKey()) // random, also the file name stem
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('uploader_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('alt', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('hidden_at', 'integer')
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('photos_story').on('photos').columns(['story_id', 'position']).execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('target_kind', 'text', (c) => c.notNull().check(sql`target_kind in ('story','message','photo')`))
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('story_id', 'integer', (c) => c.references('stories.id').onDelete('cascade'))
    .addColumn('reporter_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reporter_kind', 'text', (c) =>
      c.notNull().check(sql`reporter_kind in ('consumer','company','anonymous','authority')`),
    )
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('good_faith', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_takedown_request', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open','dismissed','actioned')`),
    )
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('decided_at', 'integer')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('statement', 'text')
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('reports_status').on('reports').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('reports_reporter').on('reports').columns(['reporter_id', 'created_at']).execute();

  // Append-only (see triggers below). actor_id is a bare number with no foreign key: once an
  // account is erased it no longer points at any personal data (a pseudonymous id).
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('company_id', 'integer')
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('data', 'text')
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('audit_log_subject').on('audit_log').columns(['subject_kind', 'subject_id']).execute();
  await db.schema.createIndex('audit_log_action_at').on('audit_log').columns(['action', 'at']).execute();
  await sql`create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db);

  // Transactional outbox: written in the same transaction as the change it announces.
  // topic 'search' feeds the search index (and the page cache), topic 'mail' the mailer.
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('topic', 'text', (c) => c.notNull().check(sql`topic in ('search','mail')`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('available_at', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('processed_at', 'integer')
    .addColumn('parked_at', 'integer')
    .modifyEnd(strict)
    .execute();
  await sql`create index outbox_pending on outbox (topic, id) where processed_at is null and parked_at is null`.execute(db);

  // Precomputed per company and window ('6m' | '12m' | 'all'); pages never aggregate stories.
  await db.schema
    .createTable('company_stats')
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull().check(sql`period in ('6m','12m','all')`))
    .addColumn('computed_at', 'integer', (c) => c.notNull())
    .addColumn('story_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply_rate', 'real')
    .addColumn('median_first_reply_hours', 'real')
    .addColumn('p90_first_reply_hours', 'real')
    .addColumn('resolution_rate', 'real')
    .addColumn('would_buy_again_rate', 'real')
    .addColumn('mean_rating', 'real')
    .addColumn('score', 'real')
    .addColumn('score_low', 'real')
    .addColumn('score_high', 'real')
    .addColumn('band', 'text', (c) => c.notNull().defaultTo('not_enough_data'))
    // Everything else the company page shows (channel waits, monthly history, counts): JSON.
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addPrimaryKeyConstraint('company_stats_pk', ['company_id', 'period'])
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('company_stats_rank').on('company_stats').columns(['period', 'score']).execute();

  // Fixed-window counters for rate limits; survive restarts.
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'rate_limits',
    'company_stats',
    'outbox',
    'audit_log',
    'reports',
    'photos',
    'story_followups',
    'story_revisions',
    'story_message_revisions',
    'story_messages',
    'story_channels',
    'stories',
    'company_claims',
    'companies',
    'user_tokens',
    'sessions',
    'users',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
