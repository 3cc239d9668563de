import type { Messages } from '../../i18n/messages.ts';

export const membersMessages: Messages = {
  vi: {},
  en: {},
};
