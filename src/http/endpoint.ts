// Small response helpers for endpoints.

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'access-control-allow-origin': '*',
      ...init.headers,
    },
  });
}

/** A JSON error with a machine-readable code and a human message. */
export function jsonError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

/**
 * Text for XML (feeds, sitemap, SVG badge): escaped, and without the characters XML 1.0 forbids
 * even as references — C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates — which would
 * make the whole document invalid. Every XML output goes through here.
 */
export function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, '').replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A numeric id from a URL: plain decimal digits without sign, leading zero, decimals or exponent
 * ("12", not "012", "+12", "12.0", "0xc", "1.2e1"), so that every resource has one URL. Null otherwise.
 */
export function parseId(raw: string | undefined | null): number | null {
  if (!raw || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** Positive integer query parameter with a default and an upper bound. */
export function intParam(url: URL, name: string, fallback: number, max: number): number {
  const n = Number(url.searchParams.get(name));
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}
