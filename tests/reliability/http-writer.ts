// The write load of the reliability suite, over HTTP like a browser without JavaScript: members
// publish stories through the publish form (POST /it/publish) and reply through the story page's
// reply form (POST /it/stories/<id>, _action=reply), and the company's representative answers.
// A write counts as acknowledged only when the server answered with its 303 "done" redirect; the
// story id comes from that redirect, a reply is identified by its unique text. Requests cut off by
// a killed server (connection reset) are not acknowledged and may or may not have landed.
import type { Acknowledged, Member, PreparedDatabase } from './harness.ts';

/** The publish page allows 10 stories per member per hour (src/pages/[lang]/publish.astro). */
const PUBLISHES_PER_MEMBER = 10;
/** Thread replies: 30 per person per hour (REPLY_LIMIT in src/http/handlers/story-actions.ts). */
const REPLIES_PER_MEMBER = 30;

export interface WriterStats {
  attempted: number;
  acknowledged: number;
  /** Requests the server never answered (killed mid-request, or not listening yet). */
  cutOff: number;
  /** Answers other than the expected redirect, with their status (should stay empty). */
  unexpected: string[];
}

export class HttpWriter {
  readonly ack: Acknowledged;
  readonly stats: WriterStats = { attempted: 0, acknowledged: 0, cutOff: 0, unexpected: [] };
  private readonly prepared: PreparedDatabase;
  private readonly rand: () => number;
  // Attempts per member, counted before sending: a request cut off by a kill may have used up
  // its place in the rate limit, so the writer stays under the limits whatever happened.
  private readonly published = new Map<number, number>();
  private readonly replied = new Map<number, number>();
  private readonly authorOf = new Map<number, Member>();
  private sequence = 0;

  constructor(prepared: PreparedDatabase, rand: () => number, ack: Acknowledged) {
    this.prepared = prepared;
    this.rand = rand;
    this.ack = ack;
  }

  /** Runs `concurrency` request loops until `stop()` says so; bounded by `maxRequests` in all. */
  async run(baseUrl: string, stop: () => boolean, concurrency = 3, maxRequests = 2_000): Promise<void> {
    const loop = async () => {
      while (!stop() && !this.exhausted && this.stats.attempted < maxRequests) await this.writeOnce(baseUrl);
    };
    await Promise.all(Array.from({ length: concurrency }, loop));
  }

  private pickPublisher(): Member | null {
    const free = this.prepared.members.filter((m) => (this.published.get(m.userId) ?? 0) < PUBLISHES_PER_MEMBER);
    return free.length === 0 ? null : free[Math.floor(this.rand() * free.length)]!;
  }

  async writeOnce(baseUrl: string): Promise<void> {
    const publisher = this.pickPublisher();
    const stories = this.ack.stories;
    if (publisher && (stories.length < 3 || this.rand() < 0.4)) return this.publish(baseUrl, publisher);
    if (stories.length === 0) return;
    const storyId = stories[Math.floor(this.rand() * stories.length)]!;
    const voices = [this.prepared.representative, this.authorOf.get(storyId)!].filter((m) => (this.replied.get(m.userId) ?? 0) < REPLIES_PER_MEMBER);
    if (voices.length === 0) {
      // Every voice of this story has used its replies: publish if anyone still may, else rest.
      if (publisher) return this.publish(baseUrl, publisher);
      this.exhausted = true;
      return;
    }
    return this.reply(baseUrl, storyId, voices[Math.floor(this.rand() * voices.length)]!);
  }

  /** True once a request was skipped because every member used up the site's hourly limits. */
  exhausted = false;

  private async post(baseUrl: string, path: string, member: Member, fields: Record<string, string>): Promise<Response | null> {
    this.stats.attempted++;
    try {
      const res = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: baseUrl, Cookie: member.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      });
      await res.arrayBuffer();
      return res;
    } catch {
      // Killed mid-request or not listening: pause a little, as a browser user would before trying again.
      this.stats.cutOff++;
      await new Promise((r) => setTimeout(r, 20));
      return null;
    }
  }

  private async publish(baseUrl: string, member: Member): Promise<void> {
    this.published.set(member.userId, (this.published.get(member.userId) ?? 0) + 1);
    const n = ++this.sequence;
    const res = await this.post(baseUrl, '/it/publish', member, {
      companySlug: this.prepared.companySlug,
      companyName: this.prepared.companyName,
      title: `Consegna in ritardo numero ${n}`,
      body: `Storia di prova ${n} (${member.userId}): il pacco è arrivato con due settimane di ritardo e il servizio clienti non ha mai risposto alle mail.`,
      experienceDate: '2026-10-01',
      category: 'delivery',
      language: 'it',
      channels: 'email',
      wait_email: '30',
      unit_email: 'minutes',
      intent: 'publish',
    });
    if (!res) return;
    const id = /^\/it\/stories\/(\d+)$/.exec(res.headers.get('location') ?? '')?.[1];
    if (res.status === 303 && id) {
      this.ack.stories.push(Number(id));
      this.authorOf.set(Number(id), member);
      this.stats.acknowledged++;
    } else this.stats.unexpected.push(`publish → ${res.status} ${res.headers.get('location') ?? ''}`);
  }

  private async reply(baseUrl: string, storyId: number, member: Member): Promise<void> {
    this.replied.set(member.userId, (this.replied.get(member.userId) ?? 0) + 1);
    const body = `Risposta di prova ${++this.sequence} da ${member.userId}`;
    const res = await this.post(baseUrl, `/it/stories/${storyId}`, member, { _action: 'reply', body });
    if (!res) return;
    if (res.status === 303 && (res.headers.get('location') ?? '').endsWith('#thread-h')) {
      this.ack.replies.push({ storyId, body });
      this.stats.acknowledged++;
    } else this.stats.unexpected.push(`reply → ${res.status}`);
  }
}
