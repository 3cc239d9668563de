import { Alert, Button, Card, Empty, Flex, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ColumnsType } from 'antd/es/table';
import type { ScreeningReport } from '../../../common/contracts/screening.contract.ts';
import { ApiError } from '../../api/http.ts';
import { errorText } from '../../components/api-error.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { LEVEL_COLOR } from '../grading/grading-labels.ts';
import { FORM_COLOR } from '../removal/removal-labels.ts';
import { canScreening } from './can-screening.ts';
import { KindLabel, RuleTag } from './components/rule-tag.tsx';
import { reportXlsxUrl, useScreeningReport } from './queries/use-oversight.ts';
import { ScopeBar, useScopeParams } from './screening-page.tsx';

type T = (key: string, params?: Record<string, unknown>) => string;
type RuleRow = ScreeningReport['flagsByRule'][number];
type FormRow = ScreeningReport['removalsByForm'][number];
type OrgRow = ScreeningReport['byOrganization'][number];

/** The cause as reported: grounds of name removal joined, or the member's request, or discipline. */
function causeText(t: T, cause: string): string {
  return cause
    .split('+')
    .map((c) => {
      const ground = t(`removal.ground.${c}`);
      if (ground !== `removal.ground.${c}`) return ground;
      const other = t(`screening.cause.${c}`);
      return other === `screening.cause.${c}` ? c : other;
    })
    .join('; ');
}

/** '/screening/report': the yearly figures of Kế hoạch 99 II.4 — flags by rule and outcome, removals by form and cause. */
export function ScreeningReportPage() {
  const me = useCurrentUser();
  const { t } = useI18n();
  usePageTitle(t('screening.report.title'));
  if (!canScreening.report(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  return <ReportView />;
}

function ReportView() {
  const { t } = useI18n();
  const scope = useScopeParams();
  const { organizationId, year } = scope;
  const q = useScreeningReport(organizationId, year);
  const r = q.data;
  const n = (key: string, title: string) => ({ title, dataIndex: key, key, width: 100, align: 'right' as const });

  const ruleColumns: ColumnsType<RuleRow> = [
    { title: t('screening.report.col.rule'), key: 'rule', width: 100, render: (_, x) => <RuleTag ruleId={x.ruleId} /> },
    { title: t('screening.report.col.kind'), key: 'kind', render: (_, x) => <KindLabel kind={x.kind} /> },
    n('raised', t('screening.report.col.raised')),
    n('open', t('screening.report.col.open')),
    {
      title: t('screening.report.col.overdue'),
      key: 'overdue',
      width: 100,
      align: 'right',
      render: (_, x) => (x.overdue > 0 ? <strong style={{ color: '#cf1322' }}>{x.overdue}</strong> : 0),
    },
    n('removalCase', t('screening.report.col.removalCase')),
    n('disciplineReferral', t('screening.report.col.discipline')),
    n('educationPlan', t('screening.report.col.education')),
    n('noAction', t('screening.report.col.noAction')),
  ];
  const formColumns: ColumnsType<FormRow> = [
    { title: t('screening.report.col.form'), key: 'form', width: 170, render: (_, x) => <Tag color={FORM_COLOR[x.form]}>{t(`removal.form.${x.form}`)}</Tag> },
    { title: t('screening.report.col.cause'), key: 'cause', render: (_, x) => causeText(t, x.cause) },
    n('opened', t('screening.report.col.opened')),
    n('removed', t('screening.report.col.removed')),
    n('pending', t('screening.report.col.pending')),
    n('notRemoved', t('screening.report.col.notRemoved')),
    n('withdrawn', t('screening.report.col.withdrawn')),
  ];
  const orgColumns: ColumnsType<OrgRow> = [
    { title: t('screening.report.col.organization'), key: 'org', render: (_, x) => x.organization.name },
    n('flagsRaised', t('screening.report.col.raised')),
    n('flagsOpen', t('screening.report.col.open')),
    n('flagsNoAction', t('screening.report.col.noAction')),
    n('struckOff', t('screening.report.col.struckOff')),
    n('released', t('screening.report.col.released')),
    n('expelled', t('screening.report.col.expelled')),
    n('removalsPending', t('screening.report.col.pending')),
  ];
  const total = (k: keyof Omit<RuleRow, 'ruleId' | 'kind'>) => (r ? r.flagsByRule.reduce((s, x) => s + x[k], 0) : 0);

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" gap={16} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('screening.report.title')} {year}
          </Typography.Title>
          <Typography.Text type="secondary">{r?.organization.name}</Typography.Text>
        </div>
        <Button type="primary" size="large" href={reportXlsxUrl(organizationId, year)} disabled={!r}>
          {t('screening.report.export')}
        </Button>
      </Flex>
      <ScopeBar {...scope} />
      {q.isError && <Alert type="error" showIcon title={errorText(t, q.error)} />}
      {r && <GradingSummary report={r} />}
      <Card size="small" title={t('screening.report.byRule')} styles={{ body: { padding: 0 } }}>
        <Table<RuleRow>
          rowKey="kind"
          columns={ruleColumns}
          dataSource={r?.flagsByRule ?? []}
          loading={q.isFetching}
          pagination={false}
          size="small"
          scroll={{ x: 1000 }}
          summary={() =>
            r ? (
              <Table.Summary.Row style={{ background: '#fafafa', fontWeight: 600 }}>
                <Table.Summary.Cell index={0} colSpan={2}>
                  {t('screening.report.total')}
                </Table.Summary.Cell>
                {(['raised', 'open', 'overdue', 'removalCase', 'disciplineReferral', 'educationPlan', 'noAction'] as const).map((k, i) => (
                  <Table.Summary.Cell key={k} index={i + 2} align="right">
                    {total(k)}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
      <Card size="small" title={t('screening.report.removals')} styles={{ body: { padding: r && r.removalsByForm.length === 0 ? 16 : 0 } }}>
        {r && r.removalsByForm.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('screening.report.noRemovals')} />
        ) : (
          <Table<FormRow> rowKey={(x) => `${x.form}|${x.cause}`} columns={formColumns} dataSource={r?.removalsByForm ?? []} pagination={false} size="small" scroll={{ x: 900 }} />
        )}
      </Card>
      <Card size="small" title={t('screening.report.byOrganization')} styles={{ body: { padding: 0 } }}>
        <Table<OrgRow> rowKey={(x) => x.organization.id} columns={orgColumns} dataSource={r?.byOrganization ?? []} pagination={false} size="small" scroll={{ x: 1000 }} />
      </Card>
    </Flex>
  );
}

/** The year's grading levels beside the screening figures (the yearly report needs both), linked to the grading report. */
function GradingSummary({ report }: { report: ScreeningReport }) {
  const { t } = useI18n();
  const g = report.grading.totals;
  const decided = g.excellent + g.good + g.completed + g.notCompleted;
  const share = (n: number) => (decided > 0 ? `${Math.round((n * 1000) / decided) / 10} %` : '—');
  const levels = [
    ['excellent', g.excellent],
    ['good', g.good],
    ['completed', g.completed],
    ['not_completed', g.notCompleted],
  ] as const;
  return (
    <Card
      size="small"
      title={t('screening.report.grading')}
      extra={<Link to={`/grading/report?org=${report.organization.id}&year=${report.year}`}>{t('screening.report.gradingLink')}</Link>}
    >
      {report.grading.rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('grading.report.empty', { year: report.year })} />
      ) : (
        <Flex gap={32} wrap>
          {levels.map(([level, n]) => (
            <Statistic
              key={level}
              title={<span style={{ borderLeft: `4px solid ${LEVEL_COLOR[level]}`, paddingLeft: 6 }}>{t(`grading.level.${level}`)}</span>}
              value={n}
              suffix={<Typography.Text type="secondary" style={{ fontSize: 14 }}>{share(n)}</Typography.Text>}
            />
          ))}
          <Statistic title={t('grading.report.pending')} value={g.pending} />
          <Statistic title={t('grading.report.exempted')} value={g.exempted} />
        </Flex>
      )}
    </Card>
  );
}
