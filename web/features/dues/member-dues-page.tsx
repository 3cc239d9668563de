import { Flex, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/http.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { canDues } from './can-dues.ts';
import { MemberDuesPanel } from './components/member-dues-panel.tsx';
import { currentMonth } from './money.ts';
import { useMemberDues } from './queries/use-member-dues.ts';

/** One member's dues on a page of its own: the link target of the collection and arrears lists, and "my dues" for a member. */
export function MemberDuesPage() {
  const t = useT();
  const me = useCurrentUser();
  const n = Number(useParams().memberId);
  const memberId = Number.isInteger(n) && n > 0 ? n : null;
  // The same query the panel runs (shared cache): only the heading needs it here.
  const dues = useMemberDues(memberId ?? 0, Number(currentMonth().slice(0, 4)));
  usePageTitle(dues.data ? `${t('dues.title')} · ${dues.data.member.fullName}` : t('dues.title'));
  if (!canDues.read(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  if (memberId === null) return <PageError error={new ApiError(404, 'NOT_FOUND')} />;
  const member = dues.data?.member;
  return (
    <Flex vertical gap={16}>
      {member && canDues.readOrganizations(me.role) && (
        <Link to={`/dues/organizations/${member.organization.id}`} style={{ alignSelf: 'flex-start' }}>
          ← {member.organization.name}
        </Link>
      )}
      {member && (
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {member.fullName}
          </Typography.Title>
          <Typography.Text type="secondary">
            {member.organization.name} · {t(`status.${member.status}`)}
            {me.role !== 'member' && (
              <>
                {' · '}
                <Link to={`/members/${member.id}`}>{t('nav.members')}</Link>
              </>
            )}
          </Typography.Text>
        </div>
      )}
      <MemberDuesPanel memberId={memberId} />
    </Flex>
  );
}
