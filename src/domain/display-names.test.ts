import { describe, expect, it } from 'vitest';
import { isReservedDisplayName } from './display-names.ts';

describe('reserved display names', () => {
  it('refuses names that pass for staff or the site, in disguise too', () => {
    for (const name of [
      'Answerable Admin',
      'Moderazione Answerable',
      'Аnswerable', // Cyrillic А
      'Answerab1e',
      'ANSWERABLE',
      'Ánswerablé',
      'Ｍoderator', // full-width M
      'Moderatore',
      'Moderatrice',
      'Moderation Team',
      'Staff',
      'the staff',
      'Admin',
      'SuperAdmin',
      'Amministratore',
      'Supporto',
      'Mod',
      'Ѕtaff', // Cyrillic Ѕ
    ]) {
      expect(isReservedDisplayName(name), name).toBe(true);
    }
  });

  it('accepts ordinary names, also those that merely contain a short reserved word', () => {
    for (const name of ['Giulia R.', 'Anna Modesti', 'Staffordshire Bull', 'Marco B.', 'Badminton Fan', 'Teamwork Tina', 'Ölçer Ayşe', 'José', 'Ruth-Ann O’Brien']) {
      expect(isReservedDisplayName(name), name).toBe(false);
    }
  });
});
