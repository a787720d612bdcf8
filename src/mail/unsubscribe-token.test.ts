import { describe, expect, it } from 'vitest';
import { parseUnsubscribeToken, signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.ts';

const secret = 'a-test-secret-of-enough-length-000000';

describe('one-click unsubscribe tokens', () => {
  it('a signed token names its person and kind and verifies for their address', () => {
    const token = signUnsubscribeToken(secret, { userId: 7, kind: 'company_replied' }, 'giulia@example.org');
    const parsed = parseUnsubscribeToken(token);
    expect(parsed).toMatchObject({ userId: 7, kind: 'company_replied' });
    expect(verifyUnsubscribeToken(secret, parsed!, 'giulia@example.org')).toBe(true);
  });

  it('a token changed in any part, signed with another key or for another address does not verify', () => {
    const token = signUnsubscribeToken(secret, { userId: 7, kind: 'company_replied' }, 'giulia@example.org');
    const [, , sig] = token.split('.');
    expect(verifyUnsubscribeToken(secret, parseUnsubscribeToken(`8.company_replied.${sig}`)!, 'giulia@example.org')).toBe(false);
    expect(verifyUnsubscribeToken(secret, parseUnsubscribeToken(`7.story_overdue.${sig}`)!, 'giulia@example.org')).toBe(false);
    expect(verifyUnsubscribeToken('another-secret', parseUnsubscribeToken(token)!, 'giulia@example.org')).toBe(false);
    expect(verifyUnsubscribeToken(secret, parseUnsubscribeToken(token)!, 'someone@example.org')).toBe(false);
  });

  it('anything not shaped like a token is refused before any check', () => {
    for (const bad of [null, 42, '', '7.company_replied', '7.no_such_kind.' + 'a'.repeat(43), '0.company_replied.' + 'a'.repeat(43), '7.company_replied.' + 'a'.repeat(42), 'x'.repeat(500)]) {
      expect(parseUnsubscribeToken(bad)).toBeNull();
    }
  });
});
