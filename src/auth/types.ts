import type { Locale, Role } from '../db/schema.ts';

export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
  emailVerified: boolean;
  /** Companies this user represents (verified or approved claims). */
  companyIds: number[];
}

export interface SessionInfo {
  id: string;
  createdAt: number;
  expiresAt: number;
}
