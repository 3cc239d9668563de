import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../../components/language-switch.tsx';
import { PartyEmblem } from '../../../components/party-emblem.tsx';
import { useT } from '../../../i18n/i18n.tsx';

/** The frame of the pages before a full session: the party header and one card (login, code, enrolment). */
export function AuthFrame({ title, width = 400, children }: { title: string; width?: number; children: ReactNode }) {
  const t = useT();
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background: 'linear-gradient(180deg, #8e0e0e 0, #b71c1c 280px, #f5f5f5 280px)',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: '16px 24px' }}>
        <LanguageSwitch size="small" />
      </div>
      <main style={{ flex: 1, display: 'flex', flexDirection: 'column', alignItems: 'center', padding: '8px 16px 48px' }}>
        <header style={{ textAlign: 'center', color: '#fff', marginBottom: 28 }}>
          <div style={{ display: 'flex', justifyContent: 'center', marginBottom: 12 }}>
            <div style={{ borderRadius: 14, boxShadow: '0 0 0 3px rgba(255, 213, 79, 0.6)' }}>
              <PartyEmblem size={60} />
            </div>
          </div>
          <div style={{ letterSpacing: 2, fontSize: 13, fontWeight: 600, color: '#ffd54f' }}>{t('auth.party')}</div>
          <h1 style={{ margin: '6px 0 4px', fontSize: 30, fontWeight: 700, color: '#fff', textTransform: 'uppercase', letterSpacing: 0.5 }}>
            {t('app.title')}
          </h1>
          <div style={{ fontSize: 15, opacity: 0.9 }}>{t('app.subtitle')}</div>
        </header>
        <Card style={{ width: '100%', maxWidth: width, boxShadow: '0 8px 24px rgba(0,0,0,0.12)' }}>
          <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>
            {title}
          </Typography.Title>
          {children}
        </Card>
      </main>
    </div>
  );
}
