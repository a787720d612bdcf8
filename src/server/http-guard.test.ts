// The pure parts of the HTTP guards: host names, body limits, input normalisation, XML text, ids,
// the read limiter.
import { describe, expect, it } from 'vitest';
import { normalizeInput } from '../http/forms.ts';
import { escapeXml, parseId } from '../http/endpoint.ts';
import { bodyLimit, FORM_BODY_LIMIT, hostAllowed, UPLOAD_BODY_LIMIT } from './http-guard.ts';
import { WindowLimiter } from './read-limits.ts';

describe('hostAllowed', () => {
  const dev = { siteUrl: 'http://localhost:4321', production: false };
  const prod = { siteUrl: 'https://answerable.example', production: true };
  it('accepts the SITE_URL host, its default port written or not, in any case', () => {
    expect(hostAllowed('answerable.example', prod, 4321)).toBe(true);
    expect(hostAllowed('answerable.example:443', prod, 4321)).toBe(true);
    expect(hostAllowed('Answerable.EXAMPLE', prod, 4321)).toBe(true);
  });
  it('accepts loopback names on the listening port outside production only', () => {
    for (const h of ['localhost:4321', '127.0.0.1:4321', '[::1]:4321']) {
      expect(hostAllowed(h, dev, 4321)).toBe(true);
      expect(hostAllowed(h, prod, 4321)).toBe(false);
    }
    expect(hostAllowed('localhost:4322', dev, 4321)).toBe(false);
  });
  it('refuses other names and malformed values', () => {
    for (const h of [undefined, '', 'evil.example', 'answerable.example.evil.example', 'answerable.example:80', 'a@answerable.example', 'answerable.example/x', 'answerable.example\t']) {
      expect(hostAllowed(h, prod, 4321), String(h)).toBe(false);
    }
  });
});

describe('bodyLimit', () => {
  it('gives the upload limit to the two photo forms only', () => {
    expect(bodyLimit('/en/publish')).toBe(UPLOAD_BODY_LIMIT);
    expect(bodyLimit('/it/stories/42')).toBe(UPLOAD_BODY_LIMIT);
    for (const p of ['/en/account/sign-in', '/it/stories/042', '/en/report', '/_actions/x', '/api/v1/companies']) expect(bodyLimit(p), p).toBe(FORM_BODY_LIMIT);
  });
});

describe('normalizeInput', () => {
  it('removes controls but tab and newline, turns CRLF into LF, replaces lone surrogates, composes NFC', () => {
    expect(normalizeInput('a\u0000b\u0007c\td\r\ne\rf\u007f\u0085')).toBe('abc\td\ne\nf');
    expect(normalizeInput('x\uD800y')).toBe('x\uFFFDy');
    expect(normalizeInput('😀')).toBe('😀');
    expect(normalizeInput('e\u0301')).toBe('é');
  });
});

describe('escapeXml', () => {
  it('drops the characters XML 1.0 forbids and escapes markup', () => {
    expect(escapeXml('a\u000bb\u0000<c>&\uffff\uDC00"')).toBe('ab&lt;c&gt;&amp;&quot;');
    expect(escapeXml('tab\tnl\ncr\r😀')).toBe('tab\tnl\ncr\r😀');
  });
});

describe('parseId', () => {
  it('accepts plain decimal ids only', () => {
    expect(parseId('12')).toBe(12);
    for (const raw of ['012', '+12', '12.0', '0x0c', '1e1', ' 12', '0', '-1', '', '99999999999999999', undefined]) expect(parseId(raw), String(raw)).toBeNull();
  });
});

describe('WindowLimiter', () => {
  it('lets the limit through per key and minute, then gives the seconds to the next window', () => {
    let now = 60_000 * 1000 + 15_000;
    const limiter = new WindowLimiter(() => 3, () => now);
    for (let i = 0; i < 3; i++) expect(limiter.hit('a').ok).toBe(true);
    expect(limiter.hit('a')).toEqual({ ok: false, retryAfterSeconds: 45 });
    expect(limiter.hit('b').ok).toBe(true);
    now += 45_000;
    expect(limiter.hit('a').ok).toBe(true);
  });
});
