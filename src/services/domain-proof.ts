// Checks whether a company's domain holds its verification token (product.md "Company
// identity"): a DNS TXT record `answerable-verification=<token>` on the domain, or the token in
// https://<domain>/.well-known/answerable.txt. Network I/O, so it runs OUTSIDE any transaction;
// the claim service records the outcome. Injectable (DomainProver) for tests; the default one
// takes its DNS server and http base from the configuration, which only development and tests
// may set (src/config.ts), so no test touches the internet.
import { Resolver } from 'node:dns/promises';
import { config } from '../config.ts';
import { fileProves, txtProves } from '../domain/claim-domain.ts';
import { isPrivateAddress } from '../domain/private-address.ts';

export type ProofOutcome = 'found' | 'not_found' | 'error';

export interface ProofResult {
  dns: ProofOutcome;
  file: ProofOutcome;
  checkedAt: number;
}

export interface DomainProver {
  /** TXT records of a name (each a list of strings), [] when none. */
  resolveTxt(domain: string): Promise<string[][]>;
  /** The text of the proof file (at most a few KiB), or null when absent. */
  fetchProofFile(domain: string): Promise<string | null>;
}

/** Most we read of the proof file: a token fits in a line. */
const FILE_MAX_BYTES = 4096;
const TIMEOUT_MS = 5000;

/** The prover the server uses: the configured (or system) resolver and https://<domain>. */
export function defaultDomainProver(): DomainProver {
  const { dnsServer, httpBase } = config().domainProof;
  const resolver = new Resolver({ timeout: TIMEOUT_MS, tries: 1 });
  if (dnsServer) resolver.setServers([dnsServer]);
  return {
    async resolveTxt(domain) {
      try {
        return await resolver.resolveTxt(domain);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOTFOUND' || code === 'ENODATA') return [];
        throw error;
      }
    },
    async fetchProofFile(domain) {
      let url: string;
      if (httpBase) url = `${httpBase}/${domain}/.well-known/answerable.txt`;
      else {
        // The company's own website, never a host inside our network (a consumer typed the domain).
        const addresses = await Promise.allSettled([resolver.resolve4(domain), resolver.resolve6(domain)]);
        const all = addresses.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
        if (all.length === 0 || all.some(isPrivateAddress)) return null;
        url = `https://${domain}/.well-known/answerable.txt`;
      }
      // No redirects: the file must be on the domain itself.
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'text/plain' } });
      if (res.status !== 200 || !res.body) {
        await res.body?.cancel();
        return null;
      }
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      while (size < FILE_MAX_BYTES) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        size += value.byteLength;
      }
      await reader.cancel();
      return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, FILE_MAX_BYTES));
    },
  };
}

/** Asks DNS and the website at once; each check's outcome (an error is not a proof). */
export async function checkDomainProof(prover: DomainProver, domain: string, token: string, now: number): Promise<ProofResult> {
  const [dns, file] = await Promise.allSettled([prover.resolveTxt(domain), prover.fetchProofFile(domain)]);
  return {
    dns: dns.status === 'rejected' ? 'error' : txtProves(dns.value, token) ? 'found' : 'not_found',
    file: file.status === 'rejected' ? 'error' : file.value !== null && fileProves(file.value, token) ? 'found' : 'not_found',
    checkedAt: now,
  };
}
