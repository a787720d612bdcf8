// Every demo company has a directory of its own (decision 0050), and every demo contact is valid
// in its company's country (a UK company's numbers are UK numbers).
import { describe, expect, it } from 'vitest';
import { normalizeContact } from '../../src/domain/contacts.ts';
import { demoContacts } from './contacts.ts';
import { demoCompanies } from './data.ts';

describe('demo contact directories', () => {
  it('give every demo company several ways to reach it, phones for the telcos and the energy company', () => {
    for (const c of demoCompanies) {
      const own = demoContacts.filter((d) => d.company === c.key);
      expect(own.length, c.key).toBeGreaterThanOrEqual(4);
      if (c.sector === 'telco' || c.sector === 'energy') expect(own.filter((d) => d.kind === 'phone').length, c.key).toBeGreaterThanOrEqual(2);
      if (c.country === 'IT') expect(own.some((d) => d.kind === 'postal') || own.some((d) => d.kind === 'pec'), c.key).toBe(true);
    }
  });

  it('are valid in their company’s country, with a cost class for every number', () => {
    const country = new Map(demoCompanies.map((c) => [c.key, c.country]));
    for (const d of demoContacts.filter((x) => x.kind !== 'menu_path')) {
      const n = normalizeContact(d.kind, d.value, country.get(d.company)!);
      expect(n.ok, `${d.company} ${d.value}`).toBe(true);
      if (d.kind === 'phone' && n.ok) expect(n.costClass, d.value).not.toBe('unknown');
    }
    expect(demoContacts.find((d) => d.value === '07700 900123')).toMatchObject({ company: 'swiftcrate' });
  });
});
