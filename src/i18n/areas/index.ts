// Feature areas register their strings here (each file exports { it: {...}, en: {...} }).
import type { Messages } from '../messages.ts';
import { auth } from './auth.ts';
import { contacts } from './contacts.ts';
import { content } from './content.ts';
import { drafts } from './drafts.ts';
import { escalation } from './escalation.ts';
import { fakes } from './fakes.ts';
import { form } from './form.ts';
import { identity } from './identity.ts';
import { moderation } from './moderation.ts';
import { notify } from './notify.ts';
import { opendata } from './opendata.ts';
import { search } from './search.ts';
import { site } from './site.ts';
import { workflow } from './workflow.ts';

export const areas: { it: Messages; en: Messages }[] = [site, form, content, auth, workflow, moderation, search, identity, escalation, fakes, notify, opendata, drafts, contacts];

/** The keys of every area (each area has the same keys in both languages). */
export type AreaKey =
  | keyof typeof site.it
  | keyof typeof form.it
  | keyof typeof content.it
  | keyof typeof auth.it
  | keyof typeof workflow.it
  | keyof typeof moderation.it
  | keyof typeof search.it
  | keyof typeof identity.it
  | keyof typeof escalation.it
  | keyof typeof fakes.it
  | keyof typeof notify.it
  | keyof typeof opendata.it
  | keyof typeof drafts.it
  | keyof typeof contacts.it;
