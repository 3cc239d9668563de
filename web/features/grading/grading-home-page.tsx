import { Alert, Button, Card, Flex, Progress, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CycleSummary } from '../../../common/contracts/grading.contract.ts';
import { ApiError } from '../../api/http.ts';
import { errorText } from '../../components/api-error.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NoRecordPage } from '../../layout/app-shell.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { canGrading } from './can-grading.ts';
import { CycleFormModal } from './components/cycle-form-modal.tsx';
import { MemberGradingPanel } from './components/member-grading-panel.tsx';
import { formatShare, STATUS_TAG } from './grading-labels.ts';
import { useCycleList } from './queries/use-cycle-list.ts';

/** '/grading': officials see the grading years of their scope; a member sees their own grading. */
export function GradingHomePage() {
  const me = useCurrentUser();
  const { t } = useI18n();
  usePageTitle(t('grading.title'));
  if (!canGrading.read(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  if (me.role === 'member') {
    if (!me.memberId) return <NoRecordPage />;
    return (
      <Flex vertical gap={16}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('grading.title')}
        </Typography.Title>
        <MemberGradingPanel memberId={me.memberId} />
      </Flex>
    );
  }
  return <CycleListView />;
}

function CycleListView() {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const [sp, setSp] = useSearchParams();
  const year = Number(sp.get('year')) || undefined;
  const list = useCycleList({ year });
  const [creating, setCreating] = useState(false);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);

  const columns: ColumnsType<CycleSummary> = [
    {
      title: t('grading.col.organization'),
      key: 'org',
      render: (_, c) => (
        <Flex vertical gap={2}>
          <Link to={`/grading/cycles/${c.id}`} style={{ fontWeight: 500 }}>
            {c.organization.name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`kind.${c.organization.kind}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('grading.col.year'), dataIndex: 'year', width: 80 },
    { title: t('grading.col.status'), key: 'status', width: 200, render: (_, c) => <Tag color={STATUS_TAG[c.status]}>{t(`grading.status.${c.status}`)}</Tag> },
    {
      title: t('grading.col.graded'),
      key: 'graded',
      width: 150,
      render: (_, c) => (
        <Flex vertical gap={0}>
          <span>{c.counts.graded}</span>
          {c.counts.exempted > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('grading.exemptedCount', { n: c.counts.exempted })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('grading.col.progress'),
      key: 'progress',
      width: 260,
      render: (_, c) => {
        const pct = (n: number) => (c.counts.graded ? Math.round((n * 100) / c.counts.graded) : 0);
        const stage = c.status === 'self_assessment' ? c.counts.selfAssessed : c.status === 'cell_proposal' ? c.counts.proposed : c.counts.decided;
        return (
          <Flex vertical gap={0}>
            <span>
              {c.counts.selfAssessed} / {c.counts.proposed} / {c.counts.decided}
            </span>
            {c.status !== 'open' && <Progress percent={pct(stage)} size="small" showInfo={false} status={c.status === 'closed' ? 'success' : 'active'} />}
          </Flex>
        );
      },
    },
    {
      title: t('grading.col.excellentShare'),
      key: 'share',
      width: 130,
      align: 'right',
      render: (_, c) => formatShare(c.counts.levels.excellent, c.counts.levels.excellent + c.counts.levels.good, locale),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" gap={16} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('grading.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('grading.subtitle')}</Typography.Text>
        </div>
        <Flex gap={8} wrap>
          {canGrading.report(me.role) && (
            <Link to="/grading/report">
              <Button size="large">{t('nav.gradingReport')}</Button>
            </Link>
          )}
          {canGrading.manage(me.role) && (
            <Button type="primary" size="large" onClick={() => setCreating(true)}>
              + {t('grading.newCycle')}
            </Button>
          )}
        </Flex>
      </Flex>

      <Card size="small">
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <Typography.Text type="secondary">{t('grading.filter.year')}</Typography.Text>
          <Select<number>
            value={year}
            onChange={(v) => setSp(v ? { year: String(v) } : {})}
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
        </label>
      </Card>

      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}

      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<CycleSummary>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          size="middle"
          locale={{ emptyText: t('grading.empty') }}
          scroll={{ x: 1000 }}
          pagination={false}
        />
      </Card>

      <CycleFormModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
