import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/auth/types.ts';
import { hasRole, requireRole, requireUser, safeNextPath } from '../../src/auth/permissions.ts';

const user = (over: Partial<SessionUser> = {}): SessionUser => ({
  id: 1,
  email: 'a@example.org',
  displayName: 'A',
  role: 'consumer',
  locale: 'it',
  emailVerified: true,
  companyIds: [],
  ...over,
});

const ctx = (u: SessionUser | null, path = '/en/publish?company=3') => ({
  locals: { user: u, session: null } as App.Locals,
  url: new URL(`http://localhost:4321${path}`),
  params: { lang: path.split('/')[1] },
});

describe('requireUser', () => {
  it('sends a visitor to sign-in and back to the page afterwards', () => {
    const res = requireUser(ctx(null));
    expect(res).toBeInstanceOf(Response);
    const r = res as Response;
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('/en/account/sign-in?next=%2Fen%2Fpublish%3Fcompany%3D3');
  });

  it('answers JSON callers with 401 and a localized message', async () => {
    const r = requireUser(ctx(null, '/it/api/x'), { json: true }) as Response;
    expect(r.status).toBe(401);
    expect((await r.json()).message).toBe('Per continuare accedi al tuo account.');
  });

  it('refuses an unverified address where verification is required', () => {
    const r = requireUser(ctx(user({ emailVerified: false })), { verified: true }) as Response;
    expect(r.status).toBe(403);
    expect(requireUser(ctx(user()), { verified: true })).toMatchObject({ id: 1 });
  });
});

describe('roles', () => {
  it('lets admins pass moderator checks and nobody else', () => {
    expect(hasRole(user({ role: 'admin' }), 'moderator')).toBe(true);
    expect(hasRole(user({ role: 'moderator' }), 'admin')).toBe(false);
    expect(hasRole(user({ role: 'company_rep', companyIds: [1] }), 'moderator')).toBe(false);
    expect((requireRole(ctx(user()), 'moderator') as Response).status).toBe(403);
    expect(requireRole(ctx(user({ role: 'moderator' })), 'moderator')).toMatchObject({ role: 'moderator' });
  });
});

describe('safeNextPath', () => {
  it('only ever returns a local path', () => {
    expect(safeNextPath('/it/account', '/x')).toBe('/it/account');
    expect(safeNextPath('https://evil.example/', '/x')).toBe('/x');
    expect(safeNextPath('//evil.example/', '/x')).toBe('/x');
    expect(safeNextPath('/\\evil.example', '/x')).toBe('/x');
    expect(safeNextPath(null, '/x')).toBe('/x');
  });

  it('refuses what a browser would read as another site, and anything a Location header cannot carry', () => {
    for (const next of ['/\t/evil.example', '/\r/evil.example', '/\n/evil.example', '/\u3000/evil.example', '/\u0000/x', '/ /x', '/a/../..//evil.example']) {
      expect(safeNextPath(next, '/x'), JSON.stringify(next)).toBe('/x');
    }
    expect(safeNextPath('/en/companies?page=2#top', '/x')).toBe('/en/companies?page=2#top');
    expect(safeNextPath('/%09/evil.example', '/x')).toBe('/%09/evil.example');
  });
});
