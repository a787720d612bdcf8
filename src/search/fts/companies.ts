// Company reads of the FTS5 index: autocomplete over search_companies_fts (name words as
// prefixes, names that start with what was typed first) and one company document by id.
import type { CompanyDocument, CompanySuggestion } from '../search-index.ts';
import type { FtsConnection } from './connection.ts';
import { foldTerm, queryWords } from './spelling.ts';

export function suggestCompanies(conn: FtsConnection, prefix: string, limit: number): CompanySuggestion[] {
  const words = queryWords(prefix).map(foldTerm);
  if (words.length === 0) return [];
  const match = `name : (${words.map((w) => `"${w}"*`).join(' ')})`;
  const folded = words.join(' ');
  const n = Math.max(1, Math.min(limit, 20));
  return (
    conn
      .prepare<{ company_id: number; slug: string; name: string; country: string }>(
        `select c.company_id, c.slug, c.name, c.country
         from search_companies_fts join search_companies c on c.company_id = search_companies_fts.rowid
         where search_companies_fts match ?
         order by bm25(search_companies_fts, 1.0, 0.2), length(c.name), c.name limit ?`,
      )
      .all(match, n * 3)
      .map((r) => ({ id: r.company_id, slug: r.slug, name: r.name, country: r.country }))
      // A name that starts with what was typed beats one that merely contains the words.
      .sort((a, b) => Number(foldTerm(b.name).startsWith(folded)) - Number(foldTerm(a.name).startsWith(folded)))
      .slice(0, n)
  );
}

/** The company document the index holds, or null. */
export function companyDocument(conn: FtsConnection, id: number): CompanyDocument | null {
  const row = conn
    .prepare<{ id: number; slug: string; name: string; domain: string | null; country: string; sector: string }>(
      `select company_id as id, slug, name, domain, country, sector from search_companies where company_id = ?`,
    )
    .get(id);
  return row ?? null;
}
