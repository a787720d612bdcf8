// Zod field schemas for use-case inputs that arrive from forms: shared by the services' input
// schemas (report.service.ts) and the forms of src/http/ (re-exported by src/http/forms.ts).
import { z } from 'astro/zod';

/** Accepts the "on" of a checkbox, "true", "1", "yes" as true; absence as false. */
export const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === '1' || v === 'yes' || v === true, z.boolean());

/** Trimmed string; empty becomes undefined so `.optional()` works for blank inputs. */
export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().max(max).optional());
