import { Card, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import type { DeadlineItem } from '../../../common/contracts/admission.contract.ts';
import { ApiError } from '../../api/http.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { OrganizationTreeSelect } from '../members/components/organization-tree-select.tsx';
import { canAdmission, statusText } from './admission-labels.ts';
import { useDeadlines } from './queries/use-deadlines.ts';

export function AdmissionDeadlinesPage() {
  const me = useCurrentUser();
  if (!canAdmission.read(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  return <DeadlinesView />;
}

/** What is due within 10 working days and what is overdue, per organization (R-ADM-11…13, R-REC-04/05, R-ADM-07 replies). */
function DeadlinesView() {
  const t = useT();
  usePageTitle(t('adm.dl.title'));
  const [sp, setSp] = useSearchParams();
  const org = Number(sp.get('org')) || undefined;
  const d = useDeadlines(org);
  const what = (i: DeadlineItem) =>
    i.kind === 'step'
      ? t('adm.dl.kind.step', { step: statusText(t, i.status) })
      : i.kind === 'personal_history'
        ? t('adm.dl.kind.personal_history')
        : t('adm.dl.kind.verification_reply', { subject: i.subjectName ?? '', org: i.requestOrganization ?? '' });
  const columns: ColumnsType<DeadlineItem> = [
    { title: t('adm.person'), dataIndex: 'fullName', render: (n: string, i) => <Link to={`/admissions/${i.caseId}`}>{n}</Link> },
    { title: t('adm.cell'), dataIndex: ['cell', 'name'] },
    { title: t('adm.dl.kind'), key: 'kind', render: (_, i) => what(i) },
    { title: t('adm.dl.dueOn'), dataIndex: 'dueOn', width: 120, render: (v: string, i) => <Tag color={i.isOverdue ? 'red' : 'blue'}>{showDate(v)}</Tag> },
    {
      title: t('adm.dl.left'),
      key: 'left',
      width: 230,
      render: (_, i) => (
        <Flex vertical>
          <span style={{ color: i.isOverdue ? '#cf1322' : undefined }}>
            {i.workingDaysLeft < 0 ? t('adm.dl.daysLate', { n: -i.workingDaysLeft }) : t('adm.dl.daysLeft', { n: i.workingDaysLeft })}
          </span>
          {i.overdueSince && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('adm.dl.since', { date: showDate(i.overdueSince) })}</Typography.Text>}
        </Flex>
      ),
    },
  ];
  const key = (i: DeadlineItem) => `${i.kind}-${i.caseId}-${i.dueOn}-${i.subjectName ?? ''}`;
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('adm.dl.title')}
        </Typography.Title>
        {d.data && <Typography.Text type="secondary">{t('adm.dl.help', { horizon: showDate(d.data.horizon) })}</Typography.Text>}
      </div>
      <Card size="small">
        <OrganizationTreeSelect value={org} onChange={(v) => setSp(v ? { org: String(v) } : {}, { replace: true })} placeholder={t('adm.organization')} style={{ width: 360 }} />
      </Card>
      {d.isError ? (
        <PageError error={d.error} onRetry={() => void d.refetch()} />
      ) : d.isPending ? (
        <Skeleton active />
      ) : (
        <>
          <Card size="small" title={<span style={{ color: '#cf1322' }}>{t('adm.dl.overdue', { n: d.data.overdue.length })}</span>}>
            <Table<DeadlineItem> size="small" rowKey={key} columns={columns} dataSource={d.data.overdue} pagination={false} locale={{ emptyText: t('adm.dl.none') }} />
          </Card>
          <Card size="small" title={t('adm.dl.dueSoon', { n: d.data.dueSoon.length })}>
            <Table<DeadlineItem> size="small" rowKey={key} columns={columns} dataSource={d.data.dueSoon} pagination={false} locale={{ emptyText: t('adm.dl.none') }} />
          </Card>
        </>
      )}
    </Flex>
  );
}
