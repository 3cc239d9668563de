import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { MESSAGES, type Locale } from './messages.ts';

const STORAGE_KEY = 'dv.locale';

interface I18n {
  locale: Locale;
  setLocale(l: Locale): void;
  t(key: string, params?: Record<string, unknown>): string;
}

const Ctx = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'vi';
}

/** Replaces {name} placeholders; a missing key shows itself so gaps are visible, not silent. */
export function translate(locale: Locale, key: string, params?: Record<string, unknown>): string {
  const msg = MESSAGES[locale][key] ?? MESSAGES.vi[key] ?? key;
  return params ? msg.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k]))) : msg;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l;
    setLocaleState(l);
  }, []);
  const value = useMemo<I18n>(() => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }), [locale, setLocale]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export function useT() {
  return useI18n().t;
}
