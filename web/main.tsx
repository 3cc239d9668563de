import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { router } from './router.tsx';
import './components/dates.ts';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
});

function Themed() {
  const { locale } = useI18n();
  dayjs.locale(locale === 'vi' ? 'vi' : 'en');
  return (
    <ConfigProvider locale={locale === 'vi' ? viVN : enUS} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4 } }}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
