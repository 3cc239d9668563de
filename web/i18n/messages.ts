import { admissionMessages } from '../features/admission/admission.messages.ts';
import { authMessages } from '../features/auth/auth.messages.ts';
import { calendarMessages } from '../features/calendar/calendar.messages.ts';
import { candidatesMessages } from '../features/candidates/candidates.messages.ts';
import { duesMessages } from '../features/dues/dues.messages.ts';
import { gradingMessages } from '../features/grading/grading.messages.ts';
import { meetingsMessages } from '../features/meetings/meetings.messages.ts';
import { membersMessages } from '../features/members/members.messages.ts';
import { organizationsMessages } from '../features/organizations/organizations.messages.ts';
import { partyLifeMessages } from '../features/party-life/party-life.messages.ts';
import { trainingMessages } from '../features/training/training.messages.ts';
import { transfersMessages } from '../features/transfers/transfers.messages.ts';
import { usersMessages } from '../features/users/users.messages.ts';
import { screeningMessages } from '../features/screening/screening.messages.ts';
import { removalMessages } from '../features/removal/removal.messages.ts';
import { conductMessages } from '../features/conduct/conduct.messages.ts';
import { ruleSetsMessages } from '../features/rule-sets/rule-sets.messages.ts';
import { privacyMessages } from '../features/privacy/privacy.messages.ts';
import { coreMessages } from './core.messages.ts';

export type Locale = 'vi' | 'en';
export type Messages = Record<Locale, Record<string, string>>;

const parts: Messages[] = [coreMessages, authMessages, membersMessages, organizationsMessages, usersMessages, candidatesMessages, trainingMessages, calendarMessages, meetingsMessages, partyLifeMessages, duesMessages, admissionMessages, transfersMessages, gradingMessages, screeningMessages, removalMessages, conductMessages, ruleSetsMessages, privacyMessages];

/** Every feature keeps its own texts; they are merged here. Vietnamese is the default and must be complete. */
export const MESSAGES: Messages = {
  vi: Object.assign({}, ...parts.map((p) => p.vi)),
  en: Object.assign({}, ...parts.map((p) => p.en)),
};
