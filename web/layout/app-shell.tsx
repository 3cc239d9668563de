import { useQueryClient } from '@tanstack/react-query';
import { Button, Layout, Menu, Result, Spin, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import type { Me } from '../../common/contracts/auth.contract.ts';
import { onUnauthenticated } from '../api/http.ts';
import { isApiError } from '../components/api-error.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { PageError } from '../components/page-error.tsx';
import { PartyEmblem } from '../components/party-emblem.tsx';
import { type LoginState, TOTP_SETUP_PATH } from '../features/auth/login-page.tsx';
import { canAdmission } from '../features/admission/admission-labels.ts';
import { can } from '../features/auth/permissions.ts';
import { canPartyLife } from '../features/party-life/can-party-life.ts';
import { authKeys } from '../features/auth/queries/keys.ts';
import { useLogout } from '../features/auth/queries/use-logout.ts';
import { useMe } from '../features/auth/queries/use-me.ts';
import { canManageCalendar } from '../features/calendar/can-manage-calendar.ts';
import { canCandidates } from '../features/candidates/can-candidates.ts';
import { duesNavItem } from '../features/dues/dues-nav.tsx';
import { canGrading } from '../features/grading/can-grading.ts';
import { canTraining } from '../features/training/can-training.ts';
import { canTransfers } from '../features/transfers/can-transfers.ts';
import { canScreening } from '../features/screening/can-screening.ts';
import { canRemoval } from '../features/removal/can-removal.ts';
import { canRuleSets } from '../features/rule-sets/can-rule-sets.ts';
import { canPrivacy } from '../features/privacy/can-privacy.ts';
import { useT } from '../i18n/i18n.tsx';

const HEADER_BG = '#8e0e0e';

function navItems(me: Me, t: (k: string) => string) {
  const items: { key: string; label: React.ReactNode }[] = [];
  if (can.listMembers(me.role)) items.push({ key: '/members', label: <Link to="/members">{t('nav.members')}</Link> });
  if (me.role === 'member' && me.memberId) {
    items.push({ key: `/members/${me.memberId}`, label: <Link to={`/members/${me.memberId}`}>{t('nav.myRecord')}</Link> });
  }
  if (can.seeOrganizations(me.role)) items.push({ key: '/organizations', label: <Link to="/organizations">{t('nav.organizations')}</Link> });
  if (canCandidates.read(me.role)) items.push({ key: '/candidates', label: <Link to="/candidates">{t('nav.candidates')}</Link> });
  if (canPartyLife.readCells(me.role)) items.push({ key: '/party-life', label: <Link to="/party-life">{t('nav.partyLife')}</Link> });
  const dues = duesNavItem(me, t);
  if (dues) items.push(dues);
  if (canTraining.read(me.role)) items.push({ key: '/training', label: <Link to="/training">{t('nav.training')}</Link> });
  if (canAdmission.read(me.role)) items.push({ key: '/admissions', label: <Link to="/admissions">{t('nav.admissions')}</Link> });
  if (canAdmission.read(me.role)) items.push({ key: '/admissions/deadlines', label: <Link to="/admissions/deadlines">{t('nav.admissionDeadlines')}</Link> });
  if (canAdmission.read(me.role)) items.push({ key: '/admissions/quality', label: <Link to="/admissions/quality">{t('nav.admissionQuality')}</Link> });
  if (canTransfers.list(me.role)) items.push({ key: '/transfers', label: <Link to="/transfers">{t('nav.transfers')}</Link> });
  if (canGrading.read(me.role)) items.push({ key: '/grading', label: <Link to="/grading">{t('nav.grading')}</Link> });
  if (canGrading.report(me.role)) items.push({ key: '/grading/report', label: <Link to="/grading/report">{t('nav.gradingReport')}</Link> });
  if (canScreening.read(me.role)) items.push({ key: '/screening', label: <Link to="/screening">{t('nav.screening')}</Link> });
  if (canScreening.read(me.role)) items.push({ key: '/screening/oversight', label: <Link to="/screening/oversight">{t('nav.screeningOversight')}</Link> });
  if (canScreening.report(me.role)) items.push({ key: '/screening/report', label: <Link to="/screening/report">{t('nav.screeningReport')}</Link> });
  if (canRemoval.read(me.role)) items.push({ key: '/removal', label: <Link to="/removal">{t('nav.removal')}</Link> });
  if (can.manageUsers(me.role)) items.push({ key: '/users', label: <Link to="/users">{t('nav.users')}</Link> });
  if (canManageCalendar(me.role)) items.push({ key: '/calendar', label: <Link to="/calendar">{t('nav.calendar')}</Link> });
  if (canRuleSets.read(me.role)) items.push({ key: '/rule-sets', label: <Link to="/rule-sets">{t('nav.ruleSets')}</Link> });
  if (canPrivacy.manage(me.role)) items.push({ key: '/privacy', label: <Link to="/privacy">{t('nav.privacy')}</Link> });
  return items;
}

/** The menu entry a path belongs to: the longest item key that prefixes it. */
function selectedKey(pathname: string, keys: string[]): string[] {
  const hit = keys.filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];
  return hit ? [hit] : [];
}

export function AppShell() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  const logout = useLogout();
  const here = `${location.pathname}${location.search}`;
  const hereRef = useRef(here);
  hereRef.current = here;
  // Only a session that was running can "end"; a first visit without one is simply sent to log in.
  const hadSessionRef = useRef(false);
  if (me.data) hadSessionRef.current = true;

  // Any 401 from any request (an idle or revoked session) sends the user to the login page, then back here.
  useEffect(() => {
    const off = onUnauthenticated(() => {
      if (!hadSessionRef.current) return;
      hadSessionRef.current = false;
      qc.clear();
      navigate('/login', { replace: true, state: { from: hereRef.current, sessionEnded: true } satisfies LoginState });
    });
    return () => {
      off();
    };
  }, [navigate, qc]);

  if (me.isPending) {
    return (
      <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" description={t('common.loading')} />
      </div>
    );
  }
  if (me.isError) {
    // A session half way through a login (security.md item 9): the code, or enrolling a factor first.
    if (isApiError(me.error, 'UNAUTHENTICATED', 'MFA_REQUIRED')) return <Navigate to="/login" replace state={{ from: here } satisfies LoginState} />;
    if (isApiError(me.error, 'MFA_ENROLLMENT_REQUIRED')) return <Navigate to={TOTP_SETUP_PATH} replace state={{ from: here } satisfies LoginState} />;
    return <PageError error={me.error} onRetry={() => void me.refetch()} />;
  }

  const user = me.data;
  const items = navItems(user, t);
  const onLogout = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        qc.removeQueries({ queryKey: authKeys.all });
        navigate('/login', { replace: true });
      },
    });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: HEADER_BG,
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 20,
          height: 64,
          borderBottom: '3px solid #ffd54f',
        }}
      >
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 12, color: '#fff', minWidth: 0 }}>
          <PartyEmblem size={36} />
          <div style={{ lineHeight: 1.2 }}>
            <div style={{ fontSize: 18, fontWeight: 700, textTransform: 'uppercase', letterSpacing: 0.3 }}>{t('app.title')}</div>
            <div style={{ fontSize: 12, opacity: 0.85 }}>{t('app.subtitle')}</div>
          </div>
        </Link>
        <div style={{ flex: 1 }} />
        <div style={{ textAlign: 'right', lineHeight: 1.3, color: '#fff', minWidth: 0 }}>
          <div style={{ fontWeight: 600 }}>
            {user.displayName}{' '}
            <Tag color="gold" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
              {t(`role.${user.role}`)}
            </Tag>
          </div>
          <Tooltip title={t(`kind.${user.organization.kind}`)}>
            <div style={{ fontSize: 12, opacity: 0.85, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: 420 }}>
              {user.organization.name}
            </div>
          </Tooltip>
        </div>
        <LanguageSwitch size="small" />
        <Button ghost onClick={onLogout} loading={logout.isPending}>
          {t('nav.logout')}
        </Button>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} theme="light" breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #f0f0f0' }}>
          <Menu
            mode="inline"
            selectedKeys={selectedKey(location.pathname, items.map((i) => i.key))}
            items={items}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            aria-label={t('nav.main')}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** '/' sends each role to its home: officials to the member list, front officers to the tree, a member to their own record. */
export function HomeRedirect() {
  const me = useMe().data;
  if (!me) return null;
  if (me.role === 'member' && !me.memberId) return <NoRecordPage />;
  if (me.role === 'member') return <Navigate to={`/members/${me.memberId}`} replace />;
  if (me.role === 'front_officer') return <Navigate to="/organizations" replace />;
  return <Navigate to="/members" replace />;
}

export function NoRecordPage() {
  const t = useT();
  return <Result status="info" title={t('nav.myRecord')} subTitle={t('auth.noRecord')} />;
}

export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={<Typography.Text>{t('error.NOT_FOUND')}</Typography.Text>}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.home')}</Button>
        </Link>
      }
    />
  );
}
