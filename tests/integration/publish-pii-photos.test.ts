// Personal data masking and photos wired into the forms: the publish page's POST handler and the
// story page's forms (reply, verdict, edit, add photos) mask public text at the service, tell the
// author what was masked, keep the private order reference as typed, and handle photos before
// and after the story exists.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/auth/types.ts';
import { closeDatabase } from '../../src/db/client.ts';
import { findMessagesForStory } from '../../src/db/message.repository.ts';
import { findStoryById } from '../../src/db/story.repository.ts';
import { handlePublishPost } from '../../src/http/handlers/publish-post.ts';
import { handleStoryPost, type StoryPostFailure } from '../../src/http/handlers/story-actions.ts';
import type { Flash } from '../../src/http/flash.ts';
import { maskedNotice, photoRejectionNotice } from '../../src/http/story-notices.ts';
import { addPhotosToStory } from '../../src/services/photo.service.ts';
import { editStory, giveVerdict, publishStory, replyToStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { T0, consumer, representative, storyInput } from '../helpers/workflow.ts';

let t: TestDatabase;
let dir: string;

beforeAll(async () => {
  t = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'answerable-publish-photos-'));
  process.env.PHOTOS_DIR = dir;
});
afterAll(async () => {
  await closeDatabase();
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
  // Drafts live beside the photos (draftsDir): the same temporary tree goes.
  rmSync(`${dir}-drafts`, { recursive: true, force: true });
  delete process.env.PHOTOS_DIR;
});

const PHONE = '347 123 4567';
const EMAIL = 'mario.rossi@posta.example.it';
const png = (w = 320, h = 240) => sharp({ create: { width: w, height: h, channels: 3, background: '#c63' } }).png().toBuffer();
const pngFile = async (name = 'pacco.png') => new File([await png()], name, { type: 'image/png' });

function sessionUser(id: number, role: SessionUser['role'] = 'consumer', companyIds: number[] = []): SessionUser {
  return { id, email: `${id}@example.test`, displayName: `U${id}`, role, locale: 'it', emailVerified: true, companyIds };
}

function multipart(url: string, fields: Record<string, string | string[]>, files: File[] = []): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  for (const f of files) form.append('photos', f);
  return new Request(url, { method: 'POST', body: form });
}

function storyPost(url: string, fields: Record<string, string>, user: SessionUser | null, files: File[] = []) {
  return { request: multipart(url, fields, files), url: new URL(url), locals: { user } };
}

const publishFields = (overrides: Record<string, string | string[]> = {}) => ({
  companyName: 'Fiori Veloci S.r.l.',
  companyWebsite: 'https://www.fioriveloci.it',
  title: 'Bouquet mai consegnato per il compleanno',
  body: `Ho chiamato tre volte, lasciato il mio cellulare ${PHONE} e scritto da ${EMAIL}: nessuna risposta per una settimana.`,
  experienceDate: '2026-02-14',
  category: 'delivery',
  language: 'it',
  channels: ['phone_paid', 'email'],
  wait_phone_paid: '25',
  unit_phone_paid: 'minutes',
  orderReference: '3471234567',
  intent: 'publish',
  ...overrides,
});

/** Collects the notices a handler hands to the page's flash (src/http/flash.ts). */
function flashes(): { sink: (f: Flash) => Promise<void>; got: Flash[] } {
  const got: Flash[] = [];
  return { got, sink: async (f) => void got.push(f) };
}

const storyCount = async () => Number((await t.db.selectFrom('stories').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const photoRows = (storyId: number) => t.db.selectFrom('photos').selectAll().where('story_id', '=', storyId).orderBy('position').execute();
const filesOf = (id: string) => readdirSync(dir).filter((f) => f.startsWith(id)).sort();

describe('publishing from the form', () => {
  let author: SessionUser;
  beforeAll(async () => {
    author = sessionUser((await consumer(t.db, 'Autrice')).userId!);
  });

  it('previews the text as it will be public, with what was masked', async () => {
    const res = await handlePublishPost(multipart('http://x/it/publish', publishFields({ intent: 'preview' })), t.db, 'it', author, T0);
    if (res instanceof Response) throw new Error('expected the form back');
    expect(res.status).toBe(200);
    expect(res.preview).not.toContain(PHONE);
    expect(res.preview).not.toContain(EMAIL);
    expect(res.preview).toContain('•••@posta.example.it');
    expect(res.previewNotice!.heading).toBe('Per proteggerti abbiamo nascosto alcuni dati personali nel testo pubblico:');
    expect(res.previewNotice!.items).toEqual([`numero di telefono: «${PHONE}» → «••• ••• ••67»`, `indirizzo e-mail: «${EMAIL}» → «•••@posta.example.it»`]);
    expect(await storyCount()).toBe(0);
  });

  it('stores the story masked, keeps the order reference as typed, and tells the author in a flash', async () => {
    const flash = flashes();
    const res = await handlePublishPost(multipart('http://x/it/publish', publishFields()), t.db, 'it', author, T0, flash.sink);
    expect(res).toBeInstanceOf(Response);
    const location = (res as Response).headers.get('location')!;
    expect(location).toMatch(/^\/it\/stories\/\d+$/);
    expect(flash.got).toEqual([{ kind: 'story', storyId: Number(location.split('/').pop()), done: 'published', masked: ['phone', 'email'], photo: null }]);
    const story = (await findStoryById(t.db, Number(/stories\/(\d+)/.exec(location)![1])))!;
    expect(story.body).not.toContain(PHONE);
    expect(story.body).not.toContain(EMAIL);
    expect(story.body).toContain('••• ••• ••67');
    expect(story.orderReference).toBe('3471234567');
    const notice = maskedNotice('it', flash.got[0]!.kind === 'story' ? flash.got[0]!.masked : []);
    expect(notice!.items).toEqual(['numero di telefono', 'indirizzo e-mail', 'I dati originali non sono stati salvati: controlla il testo pubblicato.']);
  });

  it('publishes a story with a photo: a row and its files', async () => {
    const res = await handlePublishPost(
      multipart('http://x/en/publish', publishFields({ title: 'Flowers delivered wilted, photo attached', photoAlt: 'Wilted roses in the box' }), [await pngFile()]),
      t.db,
      'en',
      author,
      T0,
    );
    const location = (res as Response).headers.get('location')!;
    expect(location).toMatch(/^\/en\/stories\/\d+$/);
    const rows = await photoRows(Number(/stories\/(\d+)/.exec(location)![1]));
    expect(rows.map((r) => [r.position, r.alt, r.uploader_id])).toEqual([[0, 'Wilted roses in the box', author.id]]);
    expect(filesOf(rows[0]!.id)).toEqual([`${rows[0]!.id}-1600.webp`, `${rows[0]!.id}-400.webp`]);
  });

  it('gives the form back filled in, creating nothing, when a photo is too large', async () => {
    const before = await storyCount();
    const huge = new File([new Uint8Array(12 * 1024 * 1024 + 1)], 'enorme.png', { type: 'image/png' });
    const fields = publishFields({ title: 'Un titolo che resta compilato' });
    const res = await handlePublishPost(multipart('http://x/it/publish', fields, [await pngFile('ok.png'), huge]), t.db, 'it', author, T0);
    if (res instanceof Response) throw new Error('expected the form back');
    expect(res.status).toBe(422);
    expect(res.errors.photos).toBe('Foto 2 (enorme.png): La foto è troppo grande: al massimo 12 MB. Il browser non può conservare i file scelti: sceglili di nuovo.');
    expect(res.values).toMatchObject({ title: 'Un titolo che resta compilato', body: fields.body, orderReference: '3471234567', channels: ['phone_paid', 'email'] });
    expect(await storyCount()).toBe(before);
  });

  it('refuses a photo that fails decoding before the story exists, and gives the form back (decision 0041)', async () => {
    const broken = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])], 'rotta.png', { type: 'image/png' });
    const flash = flashes();
    const title = 'Consegna in ritardo e foto rovinata';
    const res = await handlePublishPost(
      multipart('http://x/it/publish', publishFields({ title, body: 'Il corriere ha lasciato il pacco sotto la pioggia, tutto bagnato e rovinato dentro.' }), [await pngFile(), broken]),
      t.db,
      'it',
      author,
      T0,
      flash.sink,
    );
    expect(res).not.toBeInstanceOf(Response);
    const state = res as Exclude<typeof res, Response>;
    expect(state.status).toBe(422);
    expect(state.errors.photos).toContain('rotta.png');
    expect(state.values.title).toBe(title);
    expect(state.draftPhotos).toEqual([]);
    expect(flash.got).toEqual([]);
    expect(await t.db.selectFrom('stories').select('id').where('title', '=', title).execute()).toEqual([]);
    expect(photoRejectionNotice('it', { code: 'corrupt', index: 1, name: 'rotta.png' })).toBe(
      'La storia è pubblicata, ma senza foto. Foto 2 (rotta.png): Il file è danneggiato o incompleto: prova a caricarlo di nuovo. Puoi aggiungere le foto dal modulo qui sotto.',
    );
  });
});

describe('the story page forms mask public text', () => {
  let storyId: number;
  let author: SessionUser;
  let rep: SessionUser;
  beforeAll(async () => {
    const a = await consumer(t.db);
    const r = await publishStory(t.db, a, storyInput({ company: { name: 'Telefonia Uno', website: 'https://telefonia-uno.example' } }), { now: T0 });
    storyId = r.storyId;
    author = sessionUser(a.userId!);
    rep = sessionUser((await representative(t.db, r.companyId)).userId!, 'company_rep', [r.companyId]);
  });
  const url = () => `http://x/it/stories/${storyId}`;

  it('previews a reply masked, with the notice', async () => {
    const res = (await handleStoryPost(storyPost(url(), { _action: 'reply', intent: 'preview', body: `Scrivetemi a ${EMAIL}` }, rep), t.db, 'it', storyId)) as StoryPostFailure;
    expect(res.status).toBe(200);
    expect(res.state.preview).toContain('•••@posta.example.it');
    expect(res.state.preview).not.toContain(EMAIL);
    expect(res.state.piiNotice!.items).toEqual([`indirizzo e-mail: «${EMAIL}» → «•••@posta.example.it»`]);
  });

  it('stores a reply masked and says so in the flash', async () => {
    const flash = flashes();
    const res = await handleStoryPost(storyPost(url(), { _action: 'reply', body: `Chiamateci pure, oppure chiamate voi al ${PHONE}.` }, rep), t.db, 'it', storyId, T0 + 3_600_000, flash.sink);
    expect((res as Response).headers.get('location')).toBe(`/it/stories/${storyId}#thread-h`);
    expect(flash.got).toEqual([{ kind: 'story', storyId, done: 'reply', masked: ['phone'], photo: null }]);
    const [message] = await findMessagesForStory(t.db, storyId);
    expect(message!.body).toBe('Chiamateci pure, oppure chiamate voi al ••• ••• ••67.');
  });

  it('masks an edited story and a verdict comment', async () => {
    const flash = flashes();
    const edit = await handleStoryPost(
      storyPost(url(), { _action: 'edit', title: 'Reset password arrivato dopo 10 ore', body: `Aggiornamento: mi hanno richiamato al ${PHONE} dopo due giorni, ma il problema resta.` }, author),
      t.db,
      'it',
      storyId,
      T0 + 7_200_000,
      flash.sink,
    );
    expect((edit as Response).headers.get('location')).toBe(`/it/stories/${storyId}#workflow-actions`);
    expect((await findStoryById(t.db, storyId))!.body).toBe('Aggiornamento: mi hanno richiamato al ••• ••• ••67 dopo due giorni, ma il problema resta.');
    const verdict = await handleStoryPost(
      storyPost(url(), { _action: 'verdict', resolved: 'yes', wouldBuyAgain: 'yes', rating: '4', comment: `Risolto, grazie. ${EMAIL}` }, author),
      t.db,
      'it',
      storyId,
      T0 + 86_400_000,
      flash.sink,
    );
    expect((verdict as Response).headers.get('location')).toBe(`/it/stories/${storyId}#workflow-actions`);
    expect(flash.got.map((f) => (f.kind === 'story' ? [f.done, f.masked] : null))).toEqual([
      ['edit', ['phone']],
      ['verdict', ['email']],
    ]);
    expect((await findStoryById(t.db, storyId))!.verdictComment).toBe('Risolto, grazie. •••@posta.example.it');
  });

  it('masks at the service, whatever form calls it, and reports what it masked', async () => {
    const a = await consumer(t.db);
    const published = await publishStory(t.db, a, storyInput({ title: `Chiamatemi al ${PHONE}, grazie`, orderReference: EMAIL }), { now: T0 });
    const story = (await findStoryById(t.db, published.storyId))!;
    expect(story.title).toBe('Chiamatemi al ••• ••• ••67, grazie');
    expect(story.orderReference).toBe(EMAIL);
    expect(published.masked.map((f) => f.kind)).toEqual(['phone']);
    const reply = await replyToStory(t.db, a, { storyId: story.id, body: `Nessuna novità, scrivetemi a ${EMAIL}` }, { now: T0 + 1000 });
    expect(reply.masked).toEqual([{ kind: 'email', original: EMAIL, masked: '•••@posta.example.it' }]);
    const edited = await editStory(t.db, a, { storyId: story.id, title: 'Titolo senza dati personali', body: 'Nessun dato personale in questo testo.' }, { now: T0 + 2000 });
    expect(edited.masked).toEqual([]);
    await expect(giveVerdict(t.db, a, { storyId: story.id, resolved: true, wouldBuyAgain: true, rating: 5, comment: null }, { now: T0 + 3000 })).rejects.toThrow();
  });
});

describe('adding photos from the story page', () => {
  let storyId: number;
  let author: SessionUser;
  let other: SessionUser;
  beforeAll(async () => {
    const a = await consumer(t.db);
    storyId = (await publishStory(t.db, a, storyInput({ company: { name: 'Corriere Lento', website: 'https://corriere-lento.example' } }), { now: T0 })).storyId;
    author = sessionUser(a.userId!);
    other = sessionUser((await consumer(t.db, 'Altro')).userId!);
  });
  const url = () => `http://x/it/stories/${storyId}`;

  it('adds the author’s photos with their description and redirects back', async () => {
    const res = await handleStoryPost(storyPost(url(), { _action: 'add_photos', photoAlt: 'Scatola schiacciata' }, author, [await pngFile(), await pngFile('b.png')]), t.db, 'it', storyId, T0);
    expect((res as Response).headers.get('location')).toBe(`/it/stories/${storyId}#workflow-actions`);
    expect((await photoRows(storyId)).map((r) => [r.position, r.alt])).toEqual([
      [0, 'Scatola schiacciata'],
      [1, 'Scatola schiacciata'],
    ]);
  });

  it('refuses photos from anyone but the author', async () => {
    const res = (await handleStoryPost(storyPost(url(), { _action: 'add_photos' }, other, [await pngFile()]), t.db, 'it', storyId, T0)) as StoryPostFailure;
    expect(res.status).toBe(403);
    expect(res.state.errors._form).toBe('Solo chi ha scritto la storia può farlo.');
    expect(await photoRows(storyId)).toHaveLength(2);
  });

  it('refuses a seventh photo', async () => {
    await addPhotosToStory(t.db, storyId, await Promise.all([1, 2, 3, 4].map(async () => ({ bytes: await png() }))), { id: author.id, role: 'consumer' }, T0);
    expect(await photoRows(storyId)).toHaveLength(6);
    const res = (await handleStoryPost(storyPost(url(), { _action: 'add_photos' }, author, [await pngFile('settima.png')]), t.db, 'it', storyId, T0)) as StoryPostFailure;
    expect(res.status).toBe(422);
    expect(res.state.errors.photos).toBe('Puoi allegare al massimo 6 foto a una storia. Il browser non può conservare i file scelti: sceglili di nuovo.');
    expect(await photoRows(storyId)).toHaveLength(6);
  });

  it('asks for a photo when none was chosen', async () => {
    const res = (await handleStoryPost(storyPost(url(), { _action: 'add_photos' }, author), t.db, 'it', storyId, T0)) as StoryPostFailure;
    expect(res).toMatchObject({ status: 422, state: { errors: { photos: 'Scegli almeno una foto.' } } });
  });
});
