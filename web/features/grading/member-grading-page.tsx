import { Flex, Typography } from 'antd';
import { useParams } from 'react-router';
import { ApiError } from '../../api/http.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { canGrading } from './can-grading.ts';
import { MemberGradingPanel } from './components/member-grading-panel.tsx';
import { parseId } from './grading-labels.ts';
import { useMemberGrading } from './queries/use-member-grading.ts';

/** '/grading/members/:id': one member's grading over the years (the panel the member record shows). */
export function MemberGradingPage() {
  const t = useT();
  const me = useCurrentUser();
  const id = parseId(useParams().id);
  const q = useMemberGrading(id ?? 0);
  usePageTitle(q.data ? `${q.data.member.fullName} · ${t('grading.memberTitle')}` : t('grading.memberTitle'));
  if (!canGrading.read(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  if (id === null) return <PageError error={new ApiError(404, 'NOT_FOUND')} />;
  if (q.isError) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('grading.memberTitle')}
        {q.data ? `: ${q.data.member.fullName}` : ''}
      </Typography.Title>
      <MemberGradingPanel memberId={id} />
    </Flex>
  );
}
