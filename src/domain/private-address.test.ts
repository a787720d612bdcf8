import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from './private-address.ts';

describe('isPrivateAddress', () => {
  const privateV4 = ['10.0.0.1', '127.0.0.1', '0.0.0.0', '169.254.169.254', '172.16.0.1', '172.31.255.254', '192.168.1.1', '100.64.0.1', '100.127.255.255', '224.0.0.1', '255.255.255.255', '198.18.0.1'];
  const publicV4 = ['8.8.8.8', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '192.169.0.1', '1.1.1.1', '151.101.1.1'];

  it.each(privateV4)('IPv4 %s is private', (a) => expect(isPrivateAddress(a)).toBe(true));
  it.each(publicV4)('IPv4 %s is public', (a) => expect(isPrivateAddress(a)).toBe(false));

  it.each(privateV4)('IPv4-mapped IPv6 of %s is private, dotted or hex, any case', (a) => {
    const [p, q, r, s] = a.split('.').map(Number) as [number, number, number, number];
    const hex = `${((p << 8) | q).toString(16)}:${((r << 8) | s).toString(16)}`;
    for (const form of [`::ffff:${a}`, `::FFFF:${a}`, `::ffff:${hex}`, `0:0:0:0:0:ffff:${hex}`, `0000:0000:0000:0000:0000:FFFF:${hex.toUpperCase()}`, `64:ff9b::${a}`]) {
      expect(isPrivateAddress(form), form).toBe(true);
    }
  });

  it.each(publicV4)('IPv4-mapped IPv6 of %s is public', (a) => {
    expect(isPrivateAddress(`::ffff:${a}`)).toBe(false);
  });

  it('covers the mapped 172.16/12 range that was missing', () => {
    expect(isPrivateAddress('::ffff:172.16.0.1')).toBe(true);
    expect(isPrivateAddress('::ffff:ac10:1')).toBe(true);
    expect(isPrivateAddress('::ffff:172.31.0.1')).toBe(true);
    expect(isPrivateAddress('::ffff:172.32.0.1')).toBe(false);
  });

  it.each(['::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'fe80::1%eth0', 'ff02::1', '2001:db8::1', '::127.0.0.1'])('IPv6 %s is private', (a) => {
    expect(isPrivateAddress(a)).toBe(true);
  });

  it.each(['2a00:1450:4002:80b::200e', '2606:4700::6810:85e5'])('IPv6 %s is public', (a) => expect(isPrivateAddress(a)).toBe(false));

  it('treats what is not an address as private (never fetched)', () => {
    expect(isPrivateAddress('localhost')).toBe(true);
    expect(isPrivateAddress('')).toBe(true);
  });
});

describe('isPrivateAddress on malformed input', () => {
  it.each(['1.2.3', '1.2.3.256', '01.2.3.4', '::ffff:1.2.3.999', '1:2:3:4:5:6:7:8:9', 'g::1', '1::2::3', '12345::1'])('treats %s as private (never fetched)', (a) => {
    expect(isPrivateAddress(a)).toBe(true);
  });
});
