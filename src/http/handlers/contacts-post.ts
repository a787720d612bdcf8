// POST handling of a company's contacts page (decision 0042), kept out of the page so it can be
// tested with plain requests: report a contact, a change, a fake; the team declares; a moderator
// settles. Every action checks who may do it here and again in the service.
import { z } from 'astro/zod';
import type { SessionUser } from '../../auth/types.ts';
import { isModerator } from '../../auth/permissions.ts';
import type { DB } from '../../db/client.ts';
import type { CompanyRow } from '../../db/schema.ts';
import { CONFIRM_REPORTS, CONTACT_HOURS_MAX, CONTACT_KINDS, CONTACT_LABEL_MAX, CONTACT_VALUE_MAX } from '../../domain/contacts.ts';
import { t, type Locale, type MessageKey } from '../../i18n/index.ts';
import { declareContact, moderateContact, reportContact, reportContactChange, type ContactOutcome } from '../../services/contact.service.ts';
import { formValues, optionalText, readForm, validate, type FieldErrors, type FormValues } from '../forms.ts';

export interface ContactsFormState {
  action: string;
  values: FormValues;
  errors: FieldErrors;
  notice: string | null;
  status: number;
  headers?: Record<string, string>;
}

const id = z.coerce.number({ error: 'form.invalidChoice' }).int({ error: 'form.invalidChoice' }).positive({ error: 'form.invalidChoice' });
const value = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(1, { error: 'form.required' }).max(CONTACT_VALUE_MAX));
const NewContact = z.object({
  kind: z.enum(CONTACT_KINDS, { error: 'form.invalidChoice' }),
  value,
  label: optionalText(CONTACT_LABEL_MAX),
  hours: optionalText(CONTACT_HOURS_MAX),
  parentId: z.preprocess((v) => (v === '' || v === undefined ? undefined : v), id.optional()),
});
const Change = z.object({
  contactId: id,
  change: z.enum(['gone', 'now_paid', 'form_only'], { error: 'form.invalidChoice' }),
  replacementKind: z.preprocess((v) => (v === '' ? undefined : v), z.enum(CONTACT_KINDS, { error: 'form.invalidChoice' }).optional()),
  replacementValue: optionalText(CONTACT_VALUE_MAX),
});
const Fake = z.object({ kind: z.enum(['phone', 'social', 'web_form', 'email', 'chat'], { error: 'form.invalidChoice' }), value });
const Moderate = z.object({ contactId: id, decision: z.enum(['confirm', 'withdraw', 'fake', 'dismiss', 'reprice'], { error: 'form.invalidChoice' }) });

export async function handleContactsPost(request: Request, db: DB, lang: Locale, user: SessionUser, company: CompanyRow, now = Date.now()): Promise<ContactsFormState> {
  const tr = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const values = formValues(await readForm(request));
  const action = typeof values.action === 'string' ? values.action : '';
  const state = (errors: FieldErrors, status: number, notice: string | null = null, headers?: Record<string, string>): ContactsFormState => ({ action, values, errors, notice, status, headers });
  const answer = (out: ContactOutcome, doneKey?: MessageKey): ContactsFormState => {
    switch (out.kind) {
      case 'done':
        return state({}, 200, doneKey ? tr(doneKey) : out.applied ? tr('contacts.done.applied') : tr('contacts.done.counted', { n: out.reporters, need: CONFIRM_REPORTS }));
      case 'already_reported':
        return state({ _form: tr('contacts.already') }, 409);
      case 'invalid':
        return state({ [out.field]: tr(out.error as MessageKey) }, 422);
      case 'rate_limited':
        return state({ _form: tr('error.tooMany', { seconds: out.retryAfterSeconds }) }, 429, null, { 'Retry-After': String(out.retryAfterSeconds) });
      case 'unverified':
        return state({ _form: tr('auth.verifyRequired') }, 403);
      case 'forbidden':
        return state({ _form: tr('error.forbidden') }, 403);
      case 'not_found':
        return state({ _form: tr('contacts.error.notFound') }, 404);
    }
  };
  switch (action) {
    case 'report':
    case 'declare': {
      const form = validate(lang, NewContact, values, values);
      if (!form.ok) return state(form.errors, 422);
      const input = { kind: form.data.kind, value: form.data.value, label: form.data.label ?? null, hours: form.data.hours ?? null, parentId: form.data.parentId ?? null };
      // Only the company's team declares (official); the service checks the claim in the database.
      if (action === 'declare') return answer(await declareContact(db, user, company, input, now), 'contacts.done.declared');
      return answer(await reportContact(db, user, company, input, now));
    }
    case 'change': {
      const form = validate(lang, Change, values, values);
      if (!form.ok) return state(form.errors, 422);
      const replacement = form.data.replacementValue ? { kind: form.data.replacementKind ?? 'web_form', value: form.data.replacementValue } : null;
      if (!(await contactOfCompany(db, form.data.contactId, company.id))) return state({ _form: tr('contacts.error.notFound') }, 404);
      return answer(await reportContactChange(db, user, form.data.contactId, { change: form.data.change, replacement }, now));
    }
    case 'fake': {
      const form = validate(lang, Fake, values, values);
      if (!form.ok) return state(form.errors, 422);
      return answer(await reportContact(db, user, company, { kind: form.data.kind, value: form.data.value, fake: true }, now));
    }
    case 'moderate': {
      if (!isModerator(user)) return state({ _form: tr('error.forbidden') }, 403);
      const form = validate(lang, Moderate, values, values);
      if (!form.ok) return state(form.errors, 422);
      if (!(await contactOfCompany(db, form.data.contactId, company.id))) return state({ _form: tr('contacts.error.notFound') }, 404);
      return answer(await moderateContact(db, user, form.data.contactId, form.data.decision, now), 'contacts.done.moderated');
    }
    default:
      return state({ _form: tr('form.invalidChoice') }, 400);
  }
}

async function contactOfCompany(db: DB, contactId: number, companyId: number): Promise<boolean> {
  const row = await db.selectFrom('company_contacts').select('company_id').where('id', '=', contactId).executeTakeFirst();
  return row?.company_id === companyId;
}
