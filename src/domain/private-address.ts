// Whether an IP address is inside a private, local or reserved network (the domain proof never
// fetches from such an address: a consumer typed the domain, it must not reach our network).
// IPv6 forms that carry an IPv4 address (mapped ::ffff:a.b.c.d or ::ffff:XXXX:XXXX, compatible
// ::a.b.c.d, NAT64 64:ff9b::a.b.c.d) are judged by that IPv4 address, whatever their spelling.

/** A dotted IPv4 address (four decimal parts 0–255, no leading zeros). */
function isV4(address: string): boolean {
  const parts = address.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** IPv4 ranges that are not the public Internet: [first octets as a number, prefix length]. */
const V4_BLOCKED: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
];

function v4ToNumber(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function isPrivateV4(address: string): boolean {
  const n = v4ToNumber(address);
  return V4_BLOCKED.some(([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(v4ToNumber(base) / 2 ** (32 - bits)));
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part expanded), or null. */
function v6Groups(address: string): number[] | null {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    if (!isV4(dotted[1]!)) return null;
    const n = v4ToNumber(dotted[1]!);
    text = `${text.slice(0, -dotted[1]!.length)}${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (fill < 0 || (halves.length === 1 && head.length !== 8)) return null;
  const parts = [...head, ...Array<string>(fill).fill('0'), ...tail];
  if (!parts.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  const groups = parts.map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

function groupsToV4(hi: number, lo: number): string {
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** Whether the address must not be fetched from (not a public Internet address). Not an IP: true. */
export function isPrivateAddress(address: string): boolean {
  if (isV4(address)) return isPrivateV4(address);
  if (!address.includes(':')) return true;
  const g = v6Groups(address);
  if (!g) return true;
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, also :: and ::1), 64:ff9b::a.b.c.d (NAT64).
  if (zeros(5) && g[5] === 0xffff) return isPrivateV4(groupsToV4(g[6]!, g[7]!));
  if (zeros(6)) return true;
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return isPrivateV4(groupsToV4(g[6]!, g[7]!));
  const first = g[0]!;
  return (
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link local
    (first & 0xffc0) === 0xfec0 || // fec0::/10 old site local
    (first & 0xff00) === 0xff00 || // ff00::/8 multicast
    (first === 0x2001 && g[1] === 0x0db8) || // 2001:db8::/32 documentation
    (first === 0x2001 && g[1]! < 0x0200) // 2001::/23 special purpose (Teredo, ORCHID…)
  );
}
