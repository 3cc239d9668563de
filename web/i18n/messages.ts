import { authMessages } from '../features/auth/auth.messages.ts';
import { membersMessages } from '../features/members/members.messages.ts';
import { organizationsMessages } from '../features/organizations/organizations.messages.ts';
import { usersMessages } from '../features/users/users.messages.ts';
import { coreMessages } from './core.messages.ts';

export type Locale = 'vi' | 'en';
export type Messages = Record<Locale, Record<string, string>>;

const parts: Messages[] = [coreMessages, authMessages, membersMessages, organizationsMessages, usersMessages];

/** Every feature keeps its own texts; they are merged here. Vietnamese is the default and must be complete. */
export const MESSAGES: Messages = {
  vi: Object.assign({}, ...parts.map((p) => p.vi)),
  en: Object.assign({}, ...parts.map((p) => p.en)),
};
