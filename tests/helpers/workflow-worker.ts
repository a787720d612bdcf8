// A separate process writing to the same SQLite file (as the server's workers and the cron tick
// do). Usage: node tests/helpers/workflow-worker.ts <db> <publish|reply> <json args>
import { openDatabase } from '../../src/db/client.ts';
import { DomainError } from '../../src/domain/errors.ts';
import type { Actor } from '../../src/domain/story-workflow.ts';
import { publishStory, replyToStory, type PublishStoryInput } from '../../src/services/story.service.ts';

const [path, command, json] = process.argv.slice(2);
const args = JSON.parse(json ?? '{}') as { actor: Actor; input?: PublishStoryInput; storyId?: number; times: number; now: number };
const { db } = openDatabase(path);
const out: unknown[] = [];
try {
  for (let i = 0; i < args.times; i++) {
    try {
      if (command === 'publish') out.push(await publishStory(db, args.actor, args.input!, { now: args.now + i }));
      else out.push(await replyToStory(db, args.actor, { storyId: args.storyId!, body: `Messaggio ${process.pid}-${i}` }, { now: args.now + i }));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      out.push({ refused: error.code });
    }
  }
  process.stdout.write(JSON.stringify(out));
} finally {
  await db.destroy();
}
