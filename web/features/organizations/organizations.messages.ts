import type { Messages } from '../../i18n/messages.ts';

export const organizationsMessages: Messages = {
  vi: {},
  en: {},
};
