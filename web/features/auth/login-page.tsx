import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorText } from '../../components/api-error.ts';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { PartyEmblem } from '../../components/party-emblem.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { homePath } from './permissions.ts';
import { useLogin } from './queries/use-login.ts';
import { useMe } from './queries/use-me.ts';

export interface LoginState {
  /** The page the user wanted before being sent here. */
  from?: string;
  /** Set when a running session ended (401), to say why the user is here. */
  sessionEnded?: boolean;
}

/** Only a path inside this app, never an absolute or protocol-relative URL (no open redirect). */
function safeFrom(from: unknown): string | null {
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : null;
}

export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LoginState;
  const me = useMe();
  const login = useLogin();
  usePageTitle(t('auth.heading'));

  if (me.data && !login.isPending) return <Navigate to={safeFrom(state.from) ?? homePath(me.data)} replace />;

  const onFinish = (v: { username: string; password: string }) =>
    login.mutate(v, { onSuccess: (user) => navigate(safeFrom(state.from) ?? homePath(user), { replace: true }) });

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
        <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 8px 24px rgba(0,0,0,0.12)' }}>
          <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>
            {t('auth.heading')}
          </Typography.Title>
          {login.error ? (
            <Alert type="error" showIcon title={errorText(t, login.error)} style={{ marginBottom: 16 }} role="alert" />
          ) : state.sessionEnded ? (
            <Alert type="info" showIcon title={t('auth.sessionEnded')} style={{ marginBottom: 16 }} />
          ) : null}
          <Form layout="vertical" onFinish={onFinish} requiredMark={false} disabled={login.isPending}>
            <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
              <Input autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
              <Input.Password autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              {t('auth.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
            {t('auth.notice')}
          </Typography.Paragraph>
        </Card>
      </main>
    </div>
  );
}
