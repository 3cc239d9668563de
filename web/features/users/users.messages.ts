import type { Messages } from '../../i18n/messages.ts';

export const usersMessages: Messages = {
  vi: {},
  en: {},
};
