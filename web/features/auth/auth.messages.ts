import type { Messages } from '../../i18n/messages.ts';

export const authMessages: Messages = {
  vi: {},
  en: {},
};
