import { Alert, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { showDate } from '../../components/dates.ts';
import { errorText } from '../../components/api-error.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { canRemoval } from './can-removal.ts';
import { useReadmission } from './queries/use-readmission.ts';

/**
 * For the member page: on a former member's record (struck off, released, expelled), whether and from when they may
 * be considered for readmission (R-ADM-15, Quy định 294-QĐ/TW §3.5). Renders nothing for a member still in the party
 * or for a viewer without 'removal.read'.
 */
export function MemberReadmissionPanel({ memberId }: { memberId: number }) {
  const t = useT();
  const me = useCurrentUser();
  const allowed = canRemoval.read(me.role);
  const q = useReadmission(memberId, allowed);
  if (!allowed) return null;
  if (q.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (q.isError) return <Alert type="error" showIcon title={errorText(t, q.error)} />;
  const r = q.data;
  if (!r.applicable) return null;
  const today = new Date().toISOString().slice(0, 10);
  const e = r.eligibility;
  const formKey = r.status === 'struck_off' || r.status === 'released' || r.status === 'expelled' ? `removal.form.${r.status}` : `status.${r.status}`;
  return (
    <Card size="small" title={t('removal.readmission.title')}>
      <Flex vertical gap={6}>
        {r.leftOn && <Typography.Text>{t('removal.readmission.left', { date: showDate(r.leftOn), form: t(formKey) })}</Typography.Text>}
        {r.cause && (
          <Typography.Text>
            {t('removal.readmission.cause', { cause: t(`removal.cause.${r.cause}`) })}
            {r.removalCaseId && (
              <>
                {' · '}
                <Link to={`/removal/cases/${r.removalCaseId}`}>{t('removal.readmission.case', { id: r.removalCaseId })}</Link>
              </>
            )}
          </Typography.Text>
        )}
        {!r.causeOnRecord && <Typography.Text type="secondary">{t('removal.readmission.causeUnknown')}</Typography.Text>}
        {e?.status === 'never' && (
          <Alert type="error" showIcon title={t('removal.readmission.never', { reason: t(`removal.readmission.reason.${e.reason}`) })} />
        )}
        {e?.status === 'pending' && <Alert type="warning" showIcon title={t('removal.readmission.pending')} />}
        {e?.status === 'eligible_from' &&
          (e.from <= today ? (
            <Alert type="success" showIcon title={t('removal.readmission.eligibleNow', { date: showDate(e.from) })} />
          ) : (
            <Alert type="info" showIcon title={t('removal.readmission.eligibleFrom', { date: showDate(e.from) })} />
          ))}
        {r.check && (
          <Tag color={r.check.ok ? 'green' : 'red'} style={{ alignSelf: 'flex-start', fontFamily: 'monospace' }}>
            R-ADM-15
          </Tag>
        )}
      </Flex>
    </Card>
  );
}
