import { Alert, Button, Divider, Form, Result, Skeleton, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { errorText, isApiError } from '../../components/api-error.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { AuthFrame } from './components/auth-frame.tsx';
import { TotpCodeItem } from './components/totp-code-input.tsx';
import { type LoginState, safeFrom } from './login-page.tsx';
import { homePath } from './permissions.ts';
import { useConfirmTotpEnrollment } from './queries/use-confirm-totp-enrollment.ts';
import { useLogout } from './queries/use-logout.ts';
import { useStartTotpEnrollment } from './queries/use-start-totp-enrollment.ts';

/** 'ABCD EFGH …': a 32-character secret is easier to type and compare in groups of four. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Enrolment of the TOTP second factor (security.md "Passwords"): the QR code drawn by the server (an <img> of its
 * SVG, so nothing is fetched from elsewhere and no markup of it runs in the page), the secret as text and the
 * otpauth:// URI for typing in by hand, then a code to prove the app has it.
 */
export function TotpSetupPage() {
  const t = useT();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LoginState;
  const start = useStartTotpEnrollment();
  const confirm = useConfirmTotpEnrollment();
  const logout = useLogout();
  const asked = useRef(false);
  usePageTitle(t('totp.setupHeading'));

  // One secret per visit: each start replaces the pending one on the server, so it is asked for once.
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    start.mutate();
  }, [start]);

  // No session, or one that awaits a code rather than an enrolment: the login page takes it from there.
  if (isApiError(start.error, 'UNAUTHENTICATED', 'MFA_REQUIRED') || isApiError(confirm.error, 'UNAUTHENTICATED')) {
    return <Navigate to="/login" replace state={state} />;
  }

  const onCode = (v: { code: string }) =>
    confirm.mutate(v.code.replace(/\s/g, ''), {
      onSuccess: (me) => navigate(safeFrom(state.from) ?? homePath(me), { replace: true }),
    });
  const onLogout = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  if (isApiError(start.error, 'TOTP_ALREADY_ENROLLED')) {
    return (
      <AuthFrame title={t('totp.setupHeading')}>
        <Result status="success" title={t('totp.alreadyEnrolled')} extra={<Link to="/">{t('common.home')}</Link>} />
      </AuthFrame>
    );
  }

  const enrollment = start.data;
  return (
    <AuthFrame title={t('totp.setupHeading')} width={520}>
      <Alert type="info" showIcon title={t('totp.setupWhy')} style={{ marginBottom: 16 }} />
      {start.error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(t, start.error)}
          action={
            <Button size="small" onClick={() => start.mutate()}>
              {t('common.retry')}
            </Button>
          }
          style={{ marginBottom: 16 }}
          role="alert"
        />
      ) : null}
      <ol style={{ paddingInlineStart: 20, margin: 0 }}>
        <li style={{ marginBottom: 12 }}>{t('totp.step1')}</li>
        <li style={{ marginBottom: 12 }}>
          <div style={{ marginBottom: 8 }}>{t('totp.step2')}</div>
          {enrollment ? (
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              <div style={{ display: 'flex', justifyContent: 'center' }}>
                <img
                  src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrollment.qrSvg)}`}
                  width={220}
                  height={220}
                  alt={t('totp.qrAlt')}
                  style={{ border: '1px solid #f0f0f0', borderRadius: 8, background: '#fff' }}
                />
              </div>
              <Typography.Text type="secondary">{t('totp.manual')}</Typography.Text>
              <div>
                <div>
                  <Typography.Text strong>{t('totp.secret')}</Typography.Text>
                </div>
                <Typography.Text code copyable={{ text: enrollment.secret }} style={{ fontSize: 15, letterSpacing: 1, whiteSpace: 'nowrap' }}>
                  {groupSecret(enrollment.secret)}
                </Typography.Text>
              </div>
              <details>
                <summary style={{ cursor: 'pointer' }}>{t('totp.uri')}</summary>
                <Typography.Paragraph code copyable style={{ wordBreak: 'break-all', fontSize: 12, marginTop: 8, marginBottom: 0 }}>
                  {enrollment.otpauthUri}
                </Typography.Paragraph>
              </details>
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {t('totp.secretOnce')}
              </Typography.Text>
            </Space>
          ) : (
            <Skeleton.Node active style={{ width: 220, height: 220 }} />
          )}
        </li>
        <li>{t('totp.step3')}</li>
      </ol>
      <Divider style={{ margin: '16px 0' }} />
      {confirm.error ? <Alert type="error" showIcon title={errorText(t, confirm.error)} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form layout="vertical" onFinish={onCode} requiredMark={false} disabled={!enrollment || confirm.isPending}>
        <TotpCodeItem />
        <Button type="primary" htmlType="submit" block size="large" loading={confirm.isPending}>
          {t('totp.confirm')}
        </Button>
      </Form>
      <Button type="link" block onClick={onLogout} style={{ marginTop: 8 }} loading={logout.isPending}>
        {t('totp.cancel')}
      </Button>
    </AuthFrame>
  );
}
