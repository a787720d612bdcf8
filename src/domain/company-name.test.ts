import { describe, expect, it } from 'vitest';
import { companyKeyMatch, companyNameForms, companyNameKey, companyNameProblem, companyNameSearchText, plainCompanyName } from './company-name.ts';

describe('company name keys', () => {
  it('ignore case, accents, spacing, punctuation and trailing legal forms', () => {
    const key = companyNameKey('FioriVeloci');
    for (const name of ['Fiori Veloci', 'fiori-veloci', 'FIORI VELOCI S.r.l.', 'Fiori Velòci srl', 'Fiori Veloci S.p.A.', 'Fiori Veloci S.n.c.', 'Fiori Veloci Ltd', 'Fiori Veloci, Inc.', 'Fiori  Veloci GmbH']) {
      expect(companyNameKey(name), name).toBe(key);
    }
  });
  it('keep names apart that differ in more than form', () => {
    expect(companyNameKey('Fiori Lenti')).not.toBe(companyNameKey('Fiori Veloci'));
  });
});

describe('company names are plain text', () => {
  it('refuses markup and emoji, accepts ordinary names', () => {
    expect(companyNameProblem('<img src=x onerror=alert(1)>Fiori🌸Test')).toBe('markup');
    expect(companyNameProblem('Fiori🌸Test')).toBe('not_text');
    expect(companyNameProblem('Fiori &amp; Co')).toBe('markup');
    expect(companyNameProblem('Fiori\u200bTest')).toBe('not_text');
    expect(companyNameProblem('...')).toBe('empty');
    expect(companyNameProblem('Acme™ S.p.A.')).toBeNull();
    expect(companyNameProblem('L’Erbolario & Figli S.r.l.')).toBeNull();
    expect(companyNameProblem('Caffè 1882')).toBeNull();
  });
  it('strips whatever is not plain text for the paths that skip the form', () => {
    expect(plainCompanyName('<img src=x onerror=alert(1)>Fiori🌸Test')).toBe('Fiori Test');
    expect(plainCompanyName('  Acme™   Ltd ')).toBe('Acme™ Ltd');
    expect(plainCompanyName('<script>')).toBe('');
  });
});

describe('company name forms for search', () => {
  it('splits camel case', () => {
    expect(companyNameForms('FioriVeloci')).toBe('fiori veloci');
    expect(companyNameForms('ABCShop')).toBe('abc shop');
  });
  it('joins words and drops punctuation', () => {
    expect(companyNameForms('Fiori Veloci')).toBe('fioriveloci');
    expect(companyNameForms('Fiori-Veloci')).toBe('fioriveloci');
    expect(companyNameForms("L'Oréal")).toBe('loreal');
    expect(companyNameForms('Telco 2Go')).toBe('2 go telco2go');
  });
  it('adds nothing to a single plain word', () => {
    expect(companyNameForms('Amazon')).toBe('');
    expect(companyNameSearchText('Amazon')).toBe('Amazon');
    expect(companyNameSearchText('FioriVeloci')).toBe('FioriVeloci fiori veloci');
  });
});

describe('company key matches', () => {
  it('tells the same company, a name being typed and a near miss apart', () => {
    expect(companyKeyMatch(companyNameKey('Fiori Veloci S.r.l.'), companyNameKey('FioriVeloci'))).toBe('same');
    expect(companyKeyMatch(companyNameKey('fiori v'), companyNameKey('FioriVeloci'))).toBe('prefix');
    expect(companyKeyMatch(companyNameKey('Fiori Velocci'), companyNameKey('FioriVeloci'))).toBe('close');
    expect(companyKeyMatch(companyNameKey('Fioro Velici'), companyNameKey('FioriVeloci'))).toBe('close');
    expect(companyKeyMatch(companyNameKey('fi'), companyNameKey('FioriVeloci'))).toBeNull();
    expect(companyKeyMatch(companyNameKey('Telco Uno'), companyNameKey('Telco Due'))).toBeNull();
    expect(companyKeyMatch(companyNameKey('Acme'), companyNameKey('Acne'))).toBeNull();
    expect(companyKeyMatch('', 'x')).toBeNull();
  });
});

describe('companyNameKey: only legal forms are dropped (decision 0049)', () => {
  it('keeps words that are part of a name', () => {
    expect(companyNameKey('Amazon Italia')).not.toBe(companyNameKey('Amazon'));
    expect(companyNameKey("Banca d'Italia")).toBe('bancaditalia');
    expect(companyNameKey('Generali Italia S.p.A.')).toBe('generaliitalia');
    expect(companyNameKey('Fiat Group')).toBe('fiatgroup');
    expect(companyNameKey('Ferrero Holding')).toBe('ferreroholding');
    expect(companyNameKey('The Coffee Company')).toBe('thecoffeecompany');
    expect(companyNameKey('Fiori & Co. S.r.l.')).toBe('fiorico');
    expect(companyNameKey('Italy Italy')).toBe('italyitaly');
  });

  it('drops a legal form followed by its qualifier, and S.r.l.s.', () => {
    for (const name of ['Fiori Veloci S.r.l. Unipersonale', 'Fiori Veloci Srl unipersonale', 'Fiori Veloci S.r.l.s.', 'FIORI VELOCI SRLS', 'Fiori Veloci s.r.l. a socio unico', 'Fiori Veloci S.p.A. in liquidazione', 'Fiori Veloci S.r.l.']) {
      expect(companyNameKey(name), name).toBe('fioriveloci');
    }
  });

  it('keeps a qualifier that is the name itself', () => {
    expect(companyNameKey('Unipersonale')).toBe('unipersonale');
    expect(companyNameKey('Socio Unico Srl')).toBe('sociounico');
  });
});
