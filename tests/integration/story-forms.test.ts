// The story page's POST handling and the publish form schema: validation in the user's language,
// refusals mapped to localized messages and HTTP statuses, post/redirect/get on success.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/auth/types.ts';
import { findMessagesForStory } from '../../src/db/message.repository.ts';
import { findStoryById } from '../../src/db/story.repository.ts';
import { handleStoryPost } from '../../src/http/handlers/story-actions.ts';
import { checkPublishForm, publishInputFromForm } from '../../src/http/story-forms.ts';
import { publishStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { T0, consumer, representative, storyInput } from '../helpers/workflow.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

function sessionUser(id: number, role: SessionUser['role'], companyIds: number[] = []): SessionUser {
  return { id, email: `${id}@example.test`, displayName: `U${id}`, role, locale: 'it', emailVerified: true, companyIds };
}

function post(url: string, fields: Record<string, string>, user: SessionUser | null) {
  const body = new URLSearchParams(fields);
  return {
    request: new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    url: new URL(url),
    locals: { user },
  };
}

describe('story page forms', () => {
  let storyId: number;
  let author: SessionUser;
  let rep: SessionUser;

  beforeAll(async () => {
    const a = await consumer(t.db);
    const r = await publishStory(t.db, a, storyInput(), { now: T0 });
    storyId = r.storyId;
    const repActor = await representative(t.db, r.companyId);
    author = sessionUser(a.userId!, 'consumer');
    rep = sessionUser(repActor.userId!, 'company_rep', [r.companyId]);
  });

  it('sends visitors to sign in instead of changing anything', async () => {
    const res = await handleStoryPost(post(`http://x/it/stories/${storyId}`, { _action: 'reply', body: 'Ciao' }, null), t.db, 'it', storyId);
    expect(res).toBeInstanceOf(Response);
    expect((res as Response).headers.get('location')).toBe(`/it/account/sign-in?next=${encodeURIComponent(`/it/stories/${storyId}`)}`);
  });

  it('publishes the company reply and redirects back to the thread', async () => {
    const res = await handleStoryPost(post(`http://x/it/stories/${storyId}`, { _action: 'reply', body: 'Ci scusiamo, rimborso inviato.' }, rep), t.db, 'it', storyId, T0 + 3_600_000);
    expect((res as Response).status).toBe(303);
    expect((res as Response).headers.get('location')).toBe(`/it/stories/${storyId}#thread-h`);
    expect((await findStoryById(t.db, storyId))!.state).toBe('answered');
  });

  it('previews a reply without sending it', async () => {
    const res = await handleStoryPost(post(`http://x/en/stories/${storyId}`, { _action: 'reply', intent: 'preview', body: 'Thanks **a lot**' }, author), t.db, 'en', storyId);
    expect(res).toMatchObject({ status: 200, state: { action: 'reply', preview: expect.stringContaining('<strong>a lot</strong>') } });
    expect(await findMessagesForStory(t.db, storyId)).toHaveLength(1);
  });

  it('gives the verdict form back filled, with Italian messages, when it is incomplete', async () => {
    const res = await handleStoryPost(post(`http://x/it/stories/${storyId}`, { _action: 'verdict', resolved: 'yes', rating: '7', comment: 'Bene' }, author), t.db, 'it', storyId);
    expect(res).toMatchObject({ status: 422, state: { action: 'verdict', values: { resolved: 'yes', comment: 'Bene' } } });
    const errors = (res as { state: { errors: Record<string, string> } }).state.errors;
    expect(errors.wouldBuyAgain).toBe('Scegli sì o no.');
    expect(errors.rating).toBe('Il voto deve essere un numero intero da 1 a 5.');
  });

  it('turns a refusal into a localized form error with the right status', async () => {
    const res = await handleStoryPost(post(`http://x/en/stories/${storyId}`, { _action: 'verdict', resolved: 'yes', wouldBuyAgain: 'yes', rating: '5' }, rep), t.db, 'en', storyId);
    expect(res).toMatchObject({ status: 403, state: { errors: { _form: 'Only the author of the story can do this.' } } });
  });

  it('records the author’s verdict', async () => {
    const res = await handleStoryPost(post(`http://x/it/stories/${storyId}`, { _action: 'verdict', resolved: 'no', wouldBuyAgain: 'no', rating: '2' }, author), t.db, 'it', storyId, T0 + 86_400_000);
    expect((res as Response).status).toBe(303);
    expect(await findStoryById(t.db, storyId)).toMatchObject({ state: 'unresolved', rating: 2, resolved: false });
  });

  it('takes a changed verdict, and answers 429 once a person has changed it too often in a day', async () => {
    const at = T0 + 86_400_000 + 1000;
    const flip = (i: number) =>
      handleStoryPost(post(`http://x/it/stories/${storyId}`, { _action: 'verdict', resolved: i % 2 ? 'yes' : 'no', wouldBuyAgain: 'no', rating: '3' }, author), t.db, 'it', storyId, at + i);
    // One verdict was given above: four more changes fit in the limit of five a day.
    for (let i = 1; i <= 4; i++) expect(((await flip(i)) as Response).status).toBe(303);
    const res = await flip(5);
    expect(res).toMatchObject({ status: 429, state: { action: 'verdict', values: { rating: '3' } } });
    expect((res as { headers?: Record<string, string> }).headers?.['Retry-After']).toMatch(/^\d+$/);
    expect(await findStoryById(t.db, storyId)).toMatchObject({ state: 'unresolved', resolved: false });
  });

  it('rejects an unknown action', async () => {
    const res = await handleStoryPost(post(`http://x/it/stories/${storyId}`, { _action: 'delete_everything' }, author), t.db, 'it', storyId);
    expect(res).toMatchObject({ status: 400 });
  });
});

describe('publish form schema', () => {
  const now = () => Date.UTC(2026, 10, 23);
  const base = {
    companyName: 'Fiori Veloci',
    title: 'Consegna arrivata rotta',
    body: 'La tela è arrivata strappata e mancavano due cornici; il negozio ha richiamato dopo due ore.',
    experienceDate: '2026-11-01',
    category: 'delivery',
    language: 'it',
  };

  it('turns channel waits in any unit into minutes and keeps the wait of a channel nobody answered', () => {
    const values = { ...base, channels: ['phone_paid', 'email', 'chat'], wait_phone_paid: '2', unit_phone_paid: 'hours', wait_email: '1.5', unit_email: 'days', unanswered_chat: 'on', wait_chat: '30' };
    const form = checkPublishForm('en', values, now);
    if (!form.ok) throw new Error(JSON.stringify(form.errors));
    const input = publishInputFromForm(form.data, { name: 'Fiori Veloci' }, form.attempts);
    expect(input.channels).toEqual([
      { channel: 'phone_paid', answered: true, waitMinutes: 120 },
      { channel: 'email', answered: true, waitMinutes: 2160 },
      { channel: 'chat', answered: false, waitMinutes: 30 },
    ]);
  });

  it('explains every problem in the user’s language, all at once (the company too)', () => {
    const form = checkPublishForm('it', { ...base, companyName: '', title: 'Corto', experienceDate: '2027-01-01', channels: [] }, now);
    expect(form.ok).toBe(false);
    if (form.ok) return;
    expect(form.errors.title).toBe('Il titolo deve avere almeno 10 caratteri.');
    expect(form.errors.experienceDate).toBe('La data non può essere nel futuro.');
    expect(form.errors.channels).toBe('Indica almeno un canale che hai provato.');
    expect(form.errors.companyName).toBeTruthy();
    const empty = checkPublishForm('en', {}, now);
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(Object.keys(empty.errors).sort()).toEqual(['body', 'category', 'channels', 'companyName', 'experienceDate', 'language', 'title']);
  });

  it('asks for a company when neither a pick nor a name was given', () => {
    const form = checkPublishForm('en', { ...base, companyName: '', channels: 'email' }, now);
    expect(form.ok).toBe(false);
    if (!form.ok) expect(form.errors.companyName).toBe('Name the company.');
  });

  it('refuses impossible dates, absurd waits and waits of channels not ticked', () => {
    const bad = checkPublishForm('en', { ...base, experienceDate: '2026-02-30', channels: 'email', wait_email: '100', unit_email: 'days', wait_chat: '30', unanswered_store: 'on' }, now);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.experienceDate).toBe('Enter a valid date (YYYY-MM-DD).');
      expect(bad.errors.wait_email).toBe('Wait for E-mail: more than 90 days. Check the number and the unit.');
      expect(bad.errors.wait_chat).toContain('did not tick');
      expect(bad.errors.unanswered_store).toContain('never answered');
    }
  });
});

describe('reply rate limit', () => {
  it('answers 429 with Retry-After once a person has sent too many messages in an hour', async () => {
    const { REPLY_LIMIT } = await import('../../src/http/handlers/story-actions.ts');
    const a = await consumer(t.db);
    const { storyId } = await publishStory(t.db, a, storyInput({ title: 'Storia molto discussa', company: { name: 'Chiacchiere Srl' } }), { now: T0 });
    const me = sessionUser(a.userId!, 'consumer');
    for (let i = 0; i < REPLY_LIMIT.limit; i++) {
      const ok = await handleStoryPost(post(`http://x/it/stories/${storyId}`, { _action: 'reply', body: `Messaggio ${i}` }, me), t.db, 'it', storyId, T0 + 1000 + i);
      expect((ok as Response).status).toBe(303);
    }
    const res = await handleStoryPost(post(`http://x/it/stories/${storyId}`, { _action: 'reply', body: 'Uno di troppo' }, me), t.db, 'it', storyId, T0 + 5000);
    expect(res).toMatchObject({ status: 429, headers: { 'Retry-After': expect.any(String) }, state: { values: { body: 'Uno di troppo' } } });
  });
});
