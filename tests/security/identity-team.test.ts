// A company team (issue 14): a representative invites colleagues at the company's trusted domain
// (nobody outside it), removes them, and the removal takes effect at once; each company reply
// records which person wrote it, shown to the team and the moderators but not to the public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Jar, newestMail, request, signIn, startSite, type Site } from './harness.ts';

let site: Site;
let slug: string;
let storyId: number;
let rep: Jar;
beforeAll(async () => {
  site = await startSite();
  slug = (site.sql().prepare("select slug from companies where name = 'FioriVeloci'").get() as { slug: string }).slug;
  storyId = (site.sql().prepare("select s.id from stories s join companies c on c.id = s.company_id where c.name = 'FioriVeloci' and s.state in ('awaiting_reply', 'answered', 'overdue') order by s.id limit 1").get() as { id: number }).id;
  ({ jar: rep } = await signIn(site, 'assistenza@fioriveloci.example'));
});
afterAll(async () => {
  await site?.stop();
});

let clientNo = 120;
async function signUpVerified(email: string, displayName: string): Promise<Jar> {
  const password = `a long passphrase for ${displayName}`;
  await request(site, '/en/account/sign-up', { form: { displayName, email, password }, localAddress: `127.0.0.${clientNo++}` });
  const mail = await newestMail(site, email, 'verify_email');
  const token = new URL(/https?:\/\/\S+verify-email\?token=\S+/.exec(mail!.text)![0]).searchParams.get('token')!;
  await request(site, '/en/account/verify-email', { form: { token } });
  return (await signIn(site, email, password)).jar;
}

const claimPage = () => `/en/companies/${slug}/claim`;
const reply = (jar: Jar, body: string) => request(site, `/en/stories/${storyId}`, { jar, form: { _action: 'reply', body } });

describe('a company team', () => {
  let bob: Jar;
  it('invites a colleague at the trusted domain, and nobody elsewhere', async () => {
    const outside = await request(site, claimPage(), { jar: rep, form: { action: 'invite', email: 'friend@gmail.com' } });
    expect(outside.status).toBe(422);
    expect(await outside.text()).toContain('gmail.com is a public mail service');
    const lookalike = await request(site, claimPage(), { jar: rep, form: { action: 'invite', email: 'bob@fioriveloci.example.evil.com' } });
    expect(lookalike.status).toBe(422);
    expect(await newestMail(site, 'friend@gmail.com', 'company_invite', 5)).toBeNull();
    const { jar: consumer } = await signIn(site, 'giulia.r@example.org');
    expect((await request(site, claimPage(), { jar: consumer, form: { action: 'invite', email: 'bob@fioriveloci.example' } })).status).toBe(403);

    const res = await request(site, claimPage(), { jar: rep, form: { action: 'invite', email: 'bob@fioriveloci.example' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Invitation sent to bob@fioriveloci.example');
    const invite = await newestMail(site, 'bob@fioriveloci.example', 'company_invite');
    expect(invite!.text).toContain(`/en/companies/${slug}/claim`);

    bob = await signUpVerified('bob@fioriveloci.example', 'Bob Fiori');
    await request(site, claimPage(), { jar: bob, form: { action: 'domain', email: 'bob@fioriveloci.example' } });
    const link = /https?:\/\/\S+\/claim\?token=\S+/.exec((await newestMail(site, 'bob@fioriveloci.example', 'claim_company'))!.text)![0];
    const confirmed = await request(site, claimPage(), { jar: bob, form: { action: 'confirm', token: new URL(link).searchParams.get('token')! } });
    expect(await confirmed.text()).toContain('you now represent FioriVeloci');
    const team = await (await request(site, claimPage(), { jar: rep })).text();
    expect(team).toContain('Bob Fiori');
  });

  it('records which person wrote a company reply: the team and the moderators see it, the public does not', async () => {
    const res = await reply(bob, 'Ci scusiamo per il ritardo, abbiamo verificato l’ordine e lo rispediamo oggi stesso.');
    expect(res.status).toBe(303);
    expect(site.sql().prepare("select u.display_name as name from story_messages m join users u on u.id = m.author_id where m.story_id = ? and m.author_role = 'company' order by m.id desc limit 1").get(storyId)).toEqual({ name: 'Bob Fiori' });
    const { jar: mod } = await signIn(site, 'moderatore@example.org');
    expect(await (await request(site, `/en/stories/${storyId}`, { jar: mod })).text()).toContain('written by Bob Fiori');
    expect(await (await request(site, `/en/stories/${storyId}`, { jar: rep })).text()).toContain('written by Bob Fiori');
    expect(await (await request(site, `/en/stories/${storyId}`)).text()).not.toContain('written by Bob Fiori');
  });

  it('removes a colleague, with effect at once; outsiders cannot remove anybody', async () => {
    const claimId = (site.sql().prepare("select c.id from company_claims c join users u on u.id = c.user_id where u.email = 'bob@fioriveloci.example' and c.status = 'verified'").get() as { id: number }).id;
    const { jar: consumer } = await signIn(site, 'giulia.r@example.org');
    expect((await request(site, claimPage(), { jar: consumer, form: { action: 'remove', claim: String(claimId) } })).status).toBe(403);
    const res = await request(site, claimPage(), { jar: rep, form: { action: 'remove', claim: String(claimId) } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Bob Fiori no longer represents the company');
    expect(site.sql().prepare('select status from company_claims where id = ?').get(claimId)).toEqual({ status: 'revoked' });
    const again = await reply(bob, 'Un’altra risposta a nome dell’azienda che non dovrebbe più essere possibile.');
    expect(again.status).not.toBe(303);
    expect(site.sql().prepare("select count(*) as n from story_messages where story_id = ? and body like 'Un’altra risposta%'").get(storyId)).toEqual({ n: 0 });
  });
});
