import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { Me } from '../../../common/contracts/auth.contract.ts';
import { errorText, isApiError } from '../../components/api-error.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { AuthFrame } from './components/auth-frame.tsx';
import { TotpCodeItem } from './components/totp-code-input.tsx';
import { homePath } from './permissions.ts';
import { isMfaStep, useLogin } from './queries/use-login.ts';
import { useLogout } from './queries/use-logout.ts';
import { useMe } from './queries/use-me.ts';
import { useVerifyTotp } from './queries/use-verify-totp.ts';

export interface LoginState {
  /** The page the user wanted before being sent here. */
  from?: string;
  /** Set when a running session ended (401), to say why the user is here. */
  sessionEnded?: boolean;
}

/** Only a path inside this app, never an absolute or protocol-relative URL (no open redirect). */
export function safeFrom(from: unknown): string | null {
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : null;
}

export const TOTP_SETUP_PATH = '/login/totp-setup';

/**
 * Password, then — for an account with a second factor — the six-digit code of the authenticator app
 * (security.md item 9). An official without a factor where it is required is sent to enrol one first.
 */
export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LoginState;
  const me = useMe();
  const login = useLogin();
  const verify = useVerifyTotp();
  const logout = useLogout();
  // null until the user acts: then the server's answer to GET /api/auth/me decides (a reload half way through a login).
  const [step, setStep] = useState<'password' | 'code' | null>(null);
  // Why the code step sent the user back to the password (the lock, or the 5 minutes of the pending login ran out).
  const [backError, setBackError] = useState<unknown>(null);
  const awaitingCode = step === 'code' || (step === null && isApiError(me.error, 'MFA_REQUIRED'));
  usePageTitle(t(awaitingCode ? 'totp.heading' : 'auth.heading'));

  if (me.data && !login.isPending && !verify.isPending) return <Navigate to={safeFrom(state.from) ?? homePath(me.data)} replace />;
  if (isApiError(me.error, 'MFA_ENROLLMENT_REQUIRED')) return <Navigate to={TOTP_SETUP_PATH} replace state={state} />;

  const goOn = (user: Me) => navigate(safeFrom(state.from) ?? homePath(user), { replace: true });

  const onPassword = (v: { username: string; password: string }) => {
    setBackError(null);
    login.mutate(v, {
      onSuccess: (res) => {
        if (!isMfaStep(res)) return goOn(res);
        if ('mfaEnrollmentRequired' in res) return void navigate(TOTP_SETUP_PATH, { replace: true, state: { from: state.from } satisfies LoginState });
        verify.reset();
        setStep('code');
      },
    });
  };

  const backToPassword = (err: unknown) => {
    setBackError(err);
    setStep('password');
    login.reset();
    verify.reset();
  };

  const onCode = (v: { code: string }) =>
    verify.mutate(v.code.replace(/\s/g, ''), {
      onSuccess: goOn,
      // Locked, or the pending login expired: the password is needed again.
      onError: (err) => {
        if (isApiError(err, 'ACCOUNT_LOCKED', 'UNAUTHENTICATED')) backToPassword(err);
      },
    });

  const onCancelCode = () => logout.mutate(undefined, { onSettled: () => backToPassword(null) });

  if (awaitingCode) {
    return (
      <AuthFrame title={t('totp.heading')}>
        {verify.error ? <Alert type="error" showIcon title={errorText(t, verify.error)} style={{ marginBottom: 16 }} role="alert" /> : null}
        <Typography.Paragraph type="secondary">{t('totp.prompt')}</Typography.Paragraph>
        <Form layout="vertical" onFinish={onCode} requiredMark={false} disabled={verify.isPending}>
          <TotpCodeItem autoFocus />
          <Button type="primary" htmlType="submit" block size="large" loading={verify.isPending}>
            {t('totp.verify')}
          </Button>
        </Form>
        <Button type="link" block onClick={onCancelCode} style={{ marginTop: 8 }}>
          {t('totp.backToPassword')}
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
          {t('totp.lostDevice')}
        </Typography.Paragraph>
      </AuthFrame>
    );
  }

  const shownError = login.error ?? backError;
  return (
    <AuthFrame title={t('auth.heading')}>
      {shownError ? (
        <Alert type="error" showIcon title={errorText(t, shownError)} style={{ marginBottom: 16 }} role="alert" />
      ) : state.sessionEnded ? (
        <Alert type="info" showIcon title={t('auth.sessionEnded')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form layout="vertical" onFinish={onPassword} requiredMark={false} disabled={login.isPending}>
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
    </AuthFrame>
  );
}
