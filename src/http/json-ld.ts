// schema.org JSON-LD of the public pages, built in one place: the company page carries it, and the
// open-data page shows the same object as its example.
import type { CompanyRow } from '../db/schema.ts';
import { normalizeWebsite } from '../domain/website.ts';

export function companyJsonLd(company: Pick<CompanyRow, 'name' | 'website' | 'country'>) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: company.name,
    // Only a website that passes the rule is published (decision 0021).
    url: normalizeWebsite(company.website)?.url,
    address: { '@type': 'PostalAddress', addressCountry: company.country },
  };
}
