import { useEffect } from 'react';
import { useT } from '../i18n/i18n.tsx';

/** Sets the browser tab's title: "<page> · <app title>", so several open tabs can be told apart. */
export function usePageTitle(page: string | null | undefined) {
  const t = useT();
  const app = t('app.title');
  useEffect(() => {
    document.title = page ? `${page} · ${app}` : app;
  }, [page, app]);
}
