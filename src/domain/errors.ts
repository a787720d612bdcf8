// Refusals of the story workflow. The domain returns a code; services throw a DomainError with
// that code; pages and actions translate it with the i18n key `workflow.error.<code>`
// (src/i18n/areas/workflow.ts), so a refusal always reaches people in their own language.

export const domainErrorCodes = [
  // who may do what
  'not_author', // only the story's author may do this (verdict, consumer reply, edit, withdraw, still-resolved)
  'not_company_representative', // only a representative of the story's company may reply for it
  'own_company', // representatives may not publish, rate or judge stories about their own company
  'company_domain_author', // an address at the company's own domain may not publish about it (rule 8)
  'not_moderator', // hide / restore are moderator and admin actions
  'system_only', // deadlines and verdict windows are closed by the scheduler only
  'not_allowed', // this kind of account may not do this at all
  // when it may be done
  'invalid_state', // the story's state does not allow this event
  'no_reply_yet', // a verdict needs a first company reply
  'verdict_window_over', // the 12 months for a late verdict have passed
  'not_due', // the deadline or window has not passed yet
  'followup_not_found', // no "still resolved?" question of that kind exists for the story
  'followup_already_answered',
  'followup_not_due',
  // what was sent
  'invalid_input', // missing or malformed values (pages validate first; services double-check)
  'reason_required', // moderation needs a written statement of reasons
  'invalid_rating', // rating must be a whole number from 1 to 5
  'empty_message',
  // what was asked for
  'story_not_found',
  'company_not_found',
  // concurrency
  'conflict', // the story changed under us more times than we are willing to retry
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: DomainErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }

  /** The i18n key a page shows for this refusal. */
  get i18nKey(): string {
    return domainErrorKey(this.code);
  }
}

export function domainErrorKey(code: DomainErrorCode): string {
  return `workflow.error.${code}`;
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** HTTP status a page or API route should answer with for a refusal. */
export function domainErrorStatus(code: DomainErrorCode): number {
  switch (code) {
    case 'story_not_found':
    case 'company_not_found':
      return 404;
    case 'not_author':
    case 'not_company_representative':
    case 'own_company':
    case 'company_domain_author':
    case 'not_moderator':
    case 'system_only':
    case 'not_allowed':
      return 403;
    case 'invalid_input':
    case 'reason_required':
    case 'invalid_rating':
    case 'empty_message':
      return 422;
    default:
      return 409;
  }
}
