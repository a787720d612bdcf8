// Every migration, imported statically so the bundled server carries them (no file scanning
// at run time). Add new ones at the end; names sort by date.
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as initial from '../../migrations/2026-11-23T0900-initial.ts';
import * as search from '../../migrations/2026-11-23T1000-search.ts';
import * as auth from '../../migrations/2026-11-23T1100-auth.ts';
import * as reports from '../../migrations/2026-11-23T1200-reports.ts';
import * as workflowIndexes from '../../migrations/2026-11-23T1300-workflow-indexes.ts';
import * as ftsWithoutPrefix from '../../migrations/2026-11-23T1400-fts-without-prefix-indexes.ts';
import * as statsAggregates from '../../migrations/2026-11-23T1500-stats-aggregates.ts';
import * as pageReadModels from '../../migrations/2026-11-23T1600-page-read-models.ts';
import * as flashMessages from '../../migrations/2026-12-04T1000-flash-messages.ts';
import * as scoreRulesV2 from '../../migrations/2026-12-04T1100-score-rules-v2.ts';
import * as lateVerdicts from '../../migrations/2026-12-04T1300-late-verdicts.ts';
import * as standardReplies from '../../migrations/2026-12-04T1310-standard-replies.ts';
import * as companyIdentity from '../../migrations/2026-12-04T1400-company-identity.ts';
import * as scoreFakes from '../../migrations/2026-12-04T1500-score-fakes.ts';
import * as notifications from '../../migrations/2026-12-04T1530-notifications.ts';
import * as storyMarketplaces from '../../migrations/2026-12-04T1550-story-marketplaces.ts';
import * as contactDirectory from '../../migrations/2026-12-05T0240-contact-directory.ts';
import * as publishDrafts from '../../migrations/2026-12-05T0300-publish-drafts.ts';
import * as bulkImportJournal from '../../migrations/2026-12-05T0520-bulk-import-journal.ts';
import * as companyReplyIndex from '../../migrations/2026-12-05T0520-company-reply-index.ts';
import * as companyChannelFigures from '../../migrations/2026-12-05T0900-company-channel-figures.ts';
import * as companyNameKeys from '../../migrations/2026-12-05T1351-company-name-keys.ts';
import * as publicMailClaims from '../../migrations/2026-12-05T1352-public-mail-claims.ts';
import * as contactLookalikes from '../../migrations/2026-12-05T1400-contact-lookalikes.ts';

const migrations: Record<string, Migration> = {
  '2026-11-23T0900-initial': initial,
  '2026-11-23T1000-search': search,
  '2026-11-23T1100-auth': auth,
  '2026-11-23T1200-reports': reports,
  '2026-11-23T1300-workflow-indexes': workflowIndexes,
  '2026-11-23T1400-fts-without-prefix-indexes': ftsWithoutPrefix,
  '2026-11-23T1500-stats-aggregates': statsAggregates,
  '2026-11-23T1600-page-read-models': pageReadModels,
  '2026-12-04T1000-flash-messages': flashMessages,
  '2026-12-04T1100-score-rules-v2': scoreRulesV2,
  '2026-12-04T1300-late-verdicts': lateVerdicts,
  '2026-12-04T1310-standard-replies': standardReplies,
  '2026-12-04T1400-company-identity': companyIdentity,
  '2026-12-04T1500-score-fakes': scoreFakes,
  '2026-12-04T1530-notifications': notifications,
  '2026-12-04T1550-story-marketplaces': storyMarketplaces,
  '2026-12-05T0240-contact-directory': contactDirectory,
  '2026-12-05T0300-publish-drafts': publishDrafts,
  '2026-12-05T0520-bulk-import-journal': bulkImportJournal,
  '2026-12-05T0520-company-reply-index': companyReplyIndex,
  '2026-12-05T0900-company-channel-figures': companyChannelFigures,
  '2026-12-05T1351-company-name-keys': companyNameKeys,
  '2026-12-05T1352-public-mail-claims': publicMailClaims,
  '2026-12-05T1400-contact-lookalikes': contactLookalikes,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};

export const latestMigrationName = Object.keys(migrations).sort().at(-1)!;
