import { Segmented } from 'antd';
import type { Locale } from '../i18n/messages.ts';
import { useI18n } from '../i18n/i18n.tsx';

const OPTIONS: { value: Locale; label: string }[] = [
  { value: 'vi', label: 'Tiếng Việt' },
  { value: 'en', label: 'English' },
];

/** Language names are written in their own language, so anyone can find theirs. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' | 'large' }) {
  const { locale, setLocale, t } = useI18n();
  return <Segmented<Locale> aria-label={t('nav.language')} size={size} value={locale} options={OPTIONS} onChange={setLocale} />;
}
