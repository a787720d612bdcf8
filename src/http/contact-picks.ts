// The publish form's contact picker (decision 0042), parsed apart from the rest of the form:
// per channel, `contact_<channel>` is the id of a listed contact and `contactNew_<channel>` a
// contact the author adds (a number, an address, a web page). What is typed is checked here so the
// form comes back filled in with a message beside the field; the service checks again.
import { CHANNEL_CONTACT_KINDS, CHANNEL_NEW_KIND, CONTACT_VALUE_MAX, normalizeContact } from '../domain/contacts.ts';
import type { Channel } from '../domain/vocabulary.ts';
import { t, type Locale, type MessageKey } from '../i18n/index.ts';
import type { StoryContactPick } from '../services/contact.service.ts';
import { valueOf, type FieldErrors, type FormValues } from './forms.ts';

export const PICKER_CHANNELS = Object.keys(CHANNEL_CONTACT_KINDS) as Channel[];

export function parseContactPicks(lang: Locale, values: FormValues, channels: readonly Channel[], country = 'IT'): { picks: StoryContactPick[]; errors: FieldErrors } {
  const picks: StoryContactPick[] = [];
  const errors: FieldErrors = {};
  for (const channel of PICKER_CHANNELS) {
    const picked = valueOf(values, `contact_${channel}`).trim();
    const typed = valueOf(values, `contactNew_${channel}`).trim();
    if (!channels.includes(channel)) continue;
    if (typed !== '') {
      const kind = CHANNEL_NEW_KIND[channel]!;
      const checked = typed.length <= CONTACT_VALUE_MAX ? normalizeContact(kind, typed, country) : null;
      if (!checked || !checked.ok) errors[`contactNew_${channel}`] = t(lang, (checked && !checked.ok ? checked.error : 'contacts.error.url') as MessageKey);
      else picks.push({ channel, newValue: typed });
      continue;
    }
    if (picked === '') continue;
    const id = Number(picked);
    if (!Number.isSafeInteger(id) || id <= 0) errors[`contact_${channel}`] = t(lang, 'form.invalidChoice');
    else picks.push({ channel, contactId: id });
  }
  return { picks, errors };
}
