import { describe, expect, it } from 'vitest';
import { ECC_COUNTRIES, ESCALATION_BODIES, SECTOR_BODIES, escalationRoute } from './escalation-bodies.ts';
import { LOCALES } from './vocabulary.ts';
import { demoCompanies } from '../../scripts/demo/data.ts';

const bodies = Object.values(ESCALATION_BODIES);

describe('the reviewed table of out-of-court bodies', () => {
  it('gives every entry a name, an https official source and the day it was checked', () => {
    for (const b of bodies) {
      expect(b.name.trim(), b.id).not.toBe('');
      const url = new URL(b.sourceUrl);
      expect(url.protocol, b.id).toBe('https:');
      expect(b.checkedOn, b.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(b.checkedOn)), b.id).toBe(false);
    }
  });

  it('says what each body is, what it costs, how long it takes and what comes first, in both languages', () => {
    for (const b of bodies) {
      for (const field of [b.what, b.cost, b.duration, b.prerequisites]) {
        for (const l of LOCALES) expect(field[l].trim(), `${b.id} ${l}`).not.toBe('');
        expect(field.it, b.id).not.toBe(field.en);
      }
    }
  });

  it('keys every entry by its own id and lists no unknown body in the sector map', () => {
    for (const [id, b] of Object.entries(ESCALATION_BODIES)) expect(b.id).toBe(id);
    for (const byCountry of Object.values(SECTOR_BODIES)) {
      for (const ids of Object.values(byCountry)) for (const id of ids ?? []) expect(ESCALATION_BODIES[id]).toBeDefined();
    }
  });

  it('says "not stated" rather than a figure where a fact could not be confirmed', () => {
    for (const b of bodies) {
      if (b.unconfirmed.some((u) => u.startsWith('duration'))) expect(b.duration.en).toMatch(/not stated/);
      if (b.unconfirmed.some((u) => u.startsWith('cost'))) expect(b.cost.en).toMatch(/not stated/);
    }
  });
});

describe('mapping a company to its route', () => {
  it('sends an Italian telco to ConciliaWeb, energy to ARERA, banks to ABF and ACF, insurance to IVASS', () => {
    expect(escalationRoute('IT', 'telco').bodies.map((b) => b.id)).toEqual(['it_conciliaweb']);
    expect(escalationRoute('IT', 'energy').bodies.map((b) => b.id)).toEqual(['it_arera_conciliazione']);
    expect(escalationRoute('IT', 'bank').bodies.map((b) => b.id)).toEqual(['it_abf', 'it_acf']);
    expect(escalationRoute('it', 'insurance').bodies.map((b) => b.id)).toEqual(['it_ivass']);
  });

  it('sends UK companies to their sector ombudsman', () => {
    expect(escalationRoute('GB', 'bank').bodies.map((b) => b.id)).toEqual(['gb_fos']);
    expect(escalationRoute('GB', 'energy').bodies.map((b) => b.id)).toEqual(['gb_energy_ombudsman']);
    expect(escalationRoute('GB', 'telco').bodies.map((b) => b.id)).toEqual(['gb_communications_ombudsman', 'gb_cisas']);
  });

  it('adds the European Consumer Centres for companies in the EU and EEA, not elsewhere', () => {
    expect(escalationRoute('IE', 'telco').crossBorder?.id).toBe('eu_ecc_net');
    expect(escalationRoute('IT', 'florist').crossBorder?.id).toBe('eu_ecc_net');
    expect(escalationRoute('GB', 'courier').crossBorder).toBeNull();
    expect(escalationRoute('US', 'finance').crossBorder).toBeNull();
    expect(ECC_COUNTRIES).toContain('IT');
  });

  it('has a reviewed entry for every sector the demo companies use', () => {
    for (const c of demoCompanies) expect(escalationRoute(c.country, c.sector).sectorKnown, `${c.slug}: ${c.sector}`).toBe(true);
  });

  it('reports a sector the table does not know, and never treats an inherited key as a sector', () => {
    expect(escalationRoute('IT', 'spaceflight').sectorKnown).toBe(false);
    expect(escalationRoute('IT', 'constructor').sectorKnown).toBe(false);
    expect(escalationRoute('IT', 'toString').bodies).toEqual([]);
  });
});
