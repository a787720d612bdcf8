import { describe, expect, it } from 'vitest';
import { isRegistrableHost, normalizeWebsite, websiteHref } from './website.ts';

describe('normalizeWebsite', () => {
  it.each([
    'javascript://evilshop.example/%0aalert(document.domain)',
    'https://javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://files.example.it/',
    'mailto:info@negozio.it',
    'https://127.0.0.1/',
    'https://[::1]/',
    'http://0x7f.1/',
    'http://user:pass@shop.example.it/',
    'https://localhost/',
    'https://shop.localhost/',
    'https://shop.invalid/',
    'https://intranet/',
    'https://foo.notatld/',
    'https://example/',
    'https://github.io/',
    'https://',
    '',
    'not a url at all',
    `https://${'a'.repeat(200)}.it`,
  ])('refuses %j', (input) => {
    expect(normalizeWebsite(input)).toBeNull();
    expect(websiteHref(input)).toBeNull();
  });

  it.each([
    ['HTTPS://Negozio.Example.IT/chi-siamo#contatti', 'https://negozio.example.it/chi-siamo', 'negozio.example.it'],
    ['www.fiori.it', 'https://www.fiori.it/', 'www.fiori.it'],
    ['http://www.fiori.it.', 'http://www.fiori.it/', 'www.fiori.it'],
    ['https://shop.co.uk:443/x?y=1', 'https://shop.co.uk/x?y=1', 'shop.co.uk'],
    ['fiori.it:8080/x', 'https://fiori.it:8080/x', 'fiori.it'],
    ['https://me.github.io', 'https://me.github.io/', 'me.github.io'],
    ['https://www.fioriveloci.example', 'https://www.fioriveloci.example/', 'www.fioriveloci.example'],
    ['http://collaudo.test', 'http://collaudo.test/', 'collaudo.test'],
    ['https://Ünicode.de', 'https://xn--nicode-2ya.de/', 'xn--nicode-2ya.de'],
  ])('normalises %j', (input, url, host) => {
    expect(normalizeWebsite(input)).toEqual({ url, host });
  });

  it('knows registrable hosts', () => {
    expect(isRegistrableHost('fiori.it')).toBe(true);
    expect(isRegistrableHost('it')).toBe(false);
    expect(isRegistrableHost('co.uk')).toBe(false);
    expect(isRegistrableHost('a..it')).toBe(false);
  });
});
