// Table types (what the database holds), not result types: repositories map rows to domain shapes.
// Timestamps are epoch milliseconds; booleans are 0/1 integers (SQLite STRICT has no boolean).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
// The vocabularies are defined once, in src/domain/vocabulary.ts.
import type { Channel, Locale, StoryCategory, StoryState } from '../domain/vocabulary.ts';

export type { Channel, Locale, StoryCategory, StoryState };
export type Role = 'consumer' | 'company_rep' | 'moderator' | 'admin';
export type StatsPeriod = '6m' | '12m' | 'all';
export type Flag = 0 | 1;

export interface UserTable {
  id: Generated<number>;
  email: string;
  email_verified_at: number | null;
  display_name: string;
  password_hash: string;
  role: ColumnType<Role, Role | undefined, Role>;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  created_at: number;
  password_changed_at: number | null;
  banned_at: number | null;
}

export interface SessionTable {
  id: string;
  user_id: number;
  secret_hash: Uint8Array;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  user_agent: string | null;
}

export interface UserTokenTable {
  id: string;
  user_id: number;
  kind: 'verify_email' | 'reset_password' | 'claim_company';
  secret_hash: Uint8Array;
  data: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface CompanyTable {
  id: Generated<number>;
  slug: string;
  name: string;
  name_key: string;
  website: string | null;
  domain: string | null;
  country: ColumnType<string, string | undefined, string>;
  sector: ColumnType<string, string | undefined, string>;
  description: string | null;
  claimed_by_user_id: number | null;
  claimed_at: number | null;
  merged_into_id: number | null;
  created_at: number;
  updated_at: number;
  /** How the claim domain came to be trusted; null: only typed by a consumer (migration 2026-12-04T1200). */
  domain_trust: ColumnType<'moderator' | 'dns' | 'file' | null, 'moderator' | 'dns' | 'file' | null | undefined, 'moderator' | 'dns' | 'file' | null>;
  domain_trusted_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** What a DNS TXT record or /.well-known/answerable.txt must hold to prove the domain. */
  domain_token: ColumnType<string | null, string | null | undefined, string | null>;
  /** Who created the company (the author of its first story); null for seeded/imported ones. */
  created_by_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** A moderator reviewed it (existing companies count as reviewed); null: awaiting review. */
  reviewed_at: ColumnType<number | null, number | null | undefined, number | null>;
  reviewed_by: ColumnType<number | null, number | null | undefined, number | null>;
  /** Since when it appears in directories, rankings and home lists; null: not yet. */
  listed_at: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface CompanyClaimTable {
  id: Generated<number>;
  company_id: number;
  user_id: number;
  method: 'domain_email' | 'moderator';
  email: string | null;
  status: ColumnType<
    'pending' | 'verified' | 'approved' | 'rejected' | 'revoked',
    'pending' | 'verified' | 'approved' | 'rejected' | 'revoked' | undefined
  >;
  created_at: number;
  decided_at: number | null;
  decided_by: number | null;
  /** The claimant opened the link sent to the address (migration 2026-12-04T1200). */
  email_confirmed_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** JSON: the last domain checks (DNS, file) shown to moderators. */
  evidence: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface StoryTable {
  id: Generated<number>;
  company_id: number;
  author_id: number | null;
  source: ColumnType<'member' | 'cfpb' | 'demo', 'member' | 'cfpb' | 'demo' | undefined>;
  external_id: string | null;
  title: string;
  body: string;
  experience_date: string;
  category: StoryCategory;
  language: Locale;
  state: StoryState;
  state_before_hidden: StoryState | null;
  published_at: number;
  reply_due_at: number;
  first_reply_at: number | null;
  verdict_at: number | null;
  resolved: Flag | null;
  would_buy_again: Flag | null;
  rating: number | null;
  verdict_comment: string | null;
  /** 1 when the verdict was given or changed after its on-time window (rule 2). */
  verdict_late: ColumnType<Flag, Flag | undefined, Flag>;
  reopened_at: number | null;
  closed_at: number | null;
  edited_at: number | null;
  withdrawn_at: number | null;
  hidden_at: number | null;
  last_activity_at: number;
  order_reference: string | null;
  evidence_verified_at: number | null;
  dedupe_key: string | null;
  /** Why the story does not count in the score yet (rule 8): null = it counts (migration 2026-12-04T1500). */
  score_hold: ColumnType<'unverified' | 'review' | null, 'unverified' | 'review' | null | undefined, 'unverified' | 'review' | null>;
  /** A moderator released it from review: never held again by a later burst. */
  score_released_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** The company confirmed the private order reference: "verified customer". */
  customer_confirmed_at: ColumnType<number | null, number | null | undefined, number | null>;
  customer_confirmed_by: ColumnType<number | null, number | null | undefined, number | null>;
  version: ColumnType<number, number | undefined, number>;
  created_at: number;
  updated_at: number;
}

export interface StoryChannelTable {
  story_id: number;
  channel: Channel;
  wait_minutes: number | null;
  answered: ColumnType<Flag, Flag | undefined, Flag>;
  /** The directory contact used on this channel (migration 2026-12-05T0240); null: not said. */
  contact_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface StoryMessageTable {
  id: Generated<number>;
  story_id: number;
  author_id: number | null;
  author_role: 'consumer' | 'company';
  body: string;
  created_at: number;
  edited_at: number | null;
  hidden_at: number | null;
  /** Company replies: hash of the normalised text (rule 9); null for consumer messages. */
  reply_hash: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1 when the reply is a "standard reply" (same text on 5+ other stories within 30 days). */
  standard_reply: ColumnType<Flag, Flag | undefined, Flag>;
  /** Company replies: which company wrote it; null = the story's own company (migration 2026-12-04T1550). */
  company_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A story bought through a marketplace: both companies; stories.company_id is the responsible one. */
export interface StoryMarketplaceTable {
  story_id: number;
  seller_id: number;
  marketplace_id: number;
  responsible: 'seller' | 'marketplace';
}

/** The contact directory (migration 2026-12-05T0240, decision 0042). */
export interface CompanyContactTable {
  id: Generated<number>;
  company_id: number;
  kind: 'phone' | 'menu_path' | 'chat' | 'email' | 'pec' | 'web_form' | 'postal' | 'social';
  value: string;
  value_key: string;
  label: string | null;
  cost_class: 'toll_free' | 'premium_rate' | 'shared_cost' | 'fixed' | 'mobile' | 'unknown' | null;
  parent_id: number | null;
  hours: string | null;
  source: 'company' | 'consumer' | 'moderator';
  official: ColumnType<Flag, Flag | undefined, Flag>;
  status: 'pending' | 'active' | 'withdrawn' | 'fake';
  withdrawn_reason: 'gone' | 'now_paid' | 'form_only' | null;
  replaced_by_id: number | null;
  confirmed_at: number | null;
  withdrawn_at: number | null;
  /** Added by a "not this company's" report: never listed as the company's unless the team or a moderator says so (migration 2026-12-05T1400). */
  lookalike: ColumnType<Flag, Flag | undefined, Flag>;
  created_by_user_id: number | null;
  created_at: number;
  updated_at: number;
}

export interface ContactReportTable {
  id: Generated<number>;
  contact_id: number;
  user_id: number | null;
  kind: 'exists' | 'gone' | 'now_paid' | 'form_only' | 'fake';
  note: string | null;
  replacement_id: number | null;
  created_at: number;
  resolved_at: number | null;
  outcome: 'applied' | 'dismissed' | null;
}

export interface ContactEventTable {
  id: Generated<number>;
  contact_id: number;
  at: number;
  event: 'added' | 'confirmed' | 'official' | 'withdrawn' | 'fake' | 'restored' | 'repriced';
  by_role: 'company' | 'consumer' | 'moderator';
  reason: string | null;
  replaced_by_id: number | null;
  reports: number | null;
}

export interface StoryMessageRevisionTable {
  id: Generated<number>;
  message_id: number;
  body: string;
  created_at: number;
}

export interface StoryRevisionTable {
  id: Generated<number>;
  story_id: number;
  title: string;
  body: string;
  editor_id: number | null;
  created_at: number;
}

export interface StoryFollowupTable {
  story_id: number;
  kind: '7d' | '30d';
  due_at: number;
  sent_at: number | null;
  answered_at: number | null;
  still_resolved: Flag | null;
}

export interface PhotoTable {
  id: string;
  story_id: number;
  uploader_id: number | null;
  position: ColumnType<number, number | undefined, number>;
  width: number;
  height: number;
  bytes: number;
  alt: string | null;
  created_at: number;
  hidden_at: number | null;
}

export interface ReportTable {
  id: Generated<number>;
  target_kind: 'story' | 'message' | 'photo';
  target_id: string;
  story_id: number | null;
  reporter_id: number | null;
  reporter_kind: 'consumer' | 'company' | 'anonymous' | 'authority';
  reason: string;
  explanation: string;
  good_faith: ColumnType<Flag, Flag | undefined, Flag>;
  is_takedown_request: ColumnType<Flag, Flag | undefined, Flag>;
  status: ColumnType<'open' | 'dismissed' | 'actioned', 'open' | 'dismissed' | 'actioned' | undefined>;
  created_at: number;
  decided_at: number | null;
  decided_by: number | null;
  statement: string | null;
  /** Where in the content the problem is, in the reporter's words (migration 2026-11-23T1200). */
  location: ColumnType<string | null, string | null | undefined, string | null>;
  /** Contact of a reporter without an account, to tell them the decision. */
  reporter_email: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  actor_id: number | null;
  actor_role: string;
  action: string;
  subject_kind: string;
  subject_id: string;
  company_id: number | null;
  from_state: string | null;
  to_state: string | null;
  data: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: 'search' | 'mail';
  kind: string;
  key: string | null;
  payload: string;
  created_at: number;
  available_at: number;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  processed_at: number | null;
  parked_at: number | null;
}

export interface CompanyStatsTable {
  company_id: number;
  period: StatsPeriod;
  computed_at: number;
  story_count: number;
  reply_rate: number | null;
  median_first_reply_hours: number | null;
  p90_first_reply_hours: number | null;
  resolution_rate: number | null;
  would_buy_again_rate: number | null;
  mean_rating: number | null;
  score: number | null;
  score_low: number | null;
  score_high: number | null;
  band: string;
  details: string;
}

export interface RateLimitTable {
  key: string;
  window_start: number;
  count: number;
}

/** One-time notices after a redirect (src/http/flash.ts, decision 0022). */
export interface FlashMessageTable {
  /** SHA-256 (hex) of the random id in the visitor's flash cookie. */
  id: string;
  /** The session the notice belongs to; null for a signed-out visitor. */
  session_id: string | null;
  /** JSON: a Flash (message keys and parameters only). */
  payload: string;
  expires_at: number;
}

/** One reminder per story and verdict window end ('due' = on-time window, 'late' = 12 months later). */
export interface VerdictReminderTable {
  story_id: number;
  kind: 'due' | 'late';
  window_ends_at: number;
  sent_at: number;
}

export interface NotificationPreferenceTable {
  user_id: number;
  /** A NotificationKind (src/domain/notifications.ts). */
  kind: string;
  enabled: 0 | 1;
  updated_at: number;
}

export interface NotificationSendTable {
  user_id: number;
  /** What happened once: 'overdue:<story id>', 'digest:<YYYY-MM-DD>'. */
  key: string;
  sent_at: number;
}

export interface SiteSecretTable {
  name: string;
  value: string;
  created_at: number;
}

/** A publish form kept on the server (migration 2026-12-05T0300, decision 0041). */
export interface PublishDraftTable {
  id: string;
  user_id: number;
  /** JSON of the form's text values. */
  payload: string;
  created_at: number;
  updated_at: number;
  expires_at: number;
}

export interface DraftPhotoTable {
  id: string;
  draft_id: string;
  user_id: number;
  position: number;
  width: number;
  height: number;
  bytes: number;
  alt: string | null;
  created_at: number;
}

export interface Database {
  publish_drafts: PublishDraftTable;
  draft_photos: DraftPhotoTable;
  users: UserTable;
  sessions: SessionTable;
  user_tokens: UserTokenTable;
  companies: CompanyTable;
  company_claims: CompanyClaimTable;
  stories: StoryTable;
  story_channels: StoryChannelTable;
  story_messages: StoryMessageTable;
  story_marketplaces: StoryMarketplaceTable;
  company_contacts: CompanyContactTable;
  contact_reports: ContactReportTable;
  contact_events: ContactEventTable;
  story_message_revisions: StoryMessageRevisionTable;
  story_revisions: StoryRevisionTable;
  story_followups: StoryFollowupTable;
  photos: PhotoTable;
  reports: ReportTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  company_stats: CompanyStatsTable;
  rate_limits: RateLimitTable;
  flash_messages: FlashMessageTable;
  verdict_reminders: VerdictReminderTable;
  notification_preferences: NotificationPreferenceTable;
  notification_sends: NotificationSendTable;
  site_secrets: SiteSecretTable;
}

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type CompanyRow = Selectable<CompanyTable>;
export type NewCompany = Insertable<CompanyTable>;
export type CompanyUpdate = Updateable<CompanyTable>;
export type StoryRow = Selectable<StoryTable>;
export type NewStory = Insertable<StoryTable>;
export type StoryUpdate = Updateable<StoryTable>;
export type StoryChannelRow = Selectable<StoryChannelTable>;
export type StoryMessageRow = Selectable<StoryMessageTable>;
export type NewStoryMessage = Insertable<StoryMessageTable>;
export type PhotoRow = Selectable<PhotoTable>;
export type ReportRow = Selectable<ReportTable>;
export type NewAuditLog = Insertable<AuditLogTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type NewOutbox = Insertable<OutboxTable>;
export type CompanyStatsRow = Selectable<CompanyStatsTable>;
export type NewCompanyStats = Insertable<CompanyStatsTable>;
export type SessionRow = Selectable<SessionTable>;
