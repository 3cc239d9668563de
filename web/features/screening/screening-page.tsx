import { Button, Card, Empty, Flex, Pagination, Segmented, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Flag } from '../../../common/contracts/screening.contract.ts';
import { FLAG_KINDS } from '../../../common/rules/screening-engine.ts';
import { ApiError } from '../../api/http.ts';
import { errorText } from '../../components/api-error.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { OrganizationTreeSelect } from '../members/components/organization-tree-select.tsx';
import { canScreening } from './can-screening.ts';
import { FlagEvidenceDrawer } from './components/flag-evidence-drawer.tsx';
import { FlagReviewModal } from './components/flag-review-modal.tsx';
import { KindLabel, RuleTag } from './components/rule-tag.tsx';
import { RunPanel } from './components/run-panel.tsx';
import { type FlagFilter, useFlags } from './queries/use-flags.ts';
import { DECISION_COLOR, daysBetween, OVERDUE_ROW_STYLE } from './screening-labels.ts';

type T = (key: string, params?: Record<string, unknown>) => string;
const STATUSES = ['all', 'open', 'overdue', 'escalated', 'closed'] as const;

/** '/screening': run a screening over a subtree and a year, and review every flag, cell by cell (R-RMV-01…07). */
export function ScreeningPage() {
  const me = useCurrentUser();
  const { t } = useI18n();
  usePageTitle(t('screening.title'));
  if (!canScreening.read(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  return <ScreeningView />;
}

export function useScopeParams() {
  const me = useCurrentUser();
  const [sp, setSp] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(sp.get('year')) || thisYear;
  const organizationId = Number(sp.get('org')) || me.organization.id;
  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '' || v === 'all') next.delete(k);
      else next.set(k, String(v));
    }
    setSp(next, { replace: true });
  };
  return { sp, year, organizationId, set, years: Array.from({ length: 6 }, (_, i) => thisYear - i) };
}

export function ScopeBar({ organizationId, year, years, set }: Pick<ReturnType<typeof useScopeParams>, 'organizationId' | 'year' | 'years' | 'set'>) {
  const t = useI18n().t;
  return (
    <Card size="small">
      <Flex gap={16} wrap align="center">
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <Typography.Text type="secondary">{t('screening.scope')}</Typography.Text>
          <OrganizationTreeSelect value={organizationId} onChange={(v) => set({ org: v, page: undefined })} allowClear={false} placeholder={t('screening.pickOrganization')} style={{ width: 380 }} />
        </label>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <Typography.Text type="secondary">{t('screening.year')}</Typography.Text>
          <Select<number> value={year} onChange={(v) => set({ year: v, page: undefined })} style={{ width: 100 }} options={years.map((y) => ({ value: y, label: String(y) }))} />
        </label>
      </Flex>
    </Card>
  );
}

function statusCell(f: Flag, today: string, t: T) {
  if (f.review) return <Tag color={DECISION_COLOR[f.review.decision]}>{t(`screening.decision.${f.review.decision}`)}</Tag>;
  return (
    <Flex vertical gap={2} align="flex-start">
      {f.overdue ? <Tag color="red">{t('screening.status.overdue', { days: daysBetween(f.reviewDueOn, today) })}</Tag> : <Tag color="gold">{t('screening.status.open')}</Tag>}
      {f.escalation && <Tag color="magenta">{t('screening.status.escalated', { org: f.escalation.to?.name ?? '—' })}</Tag>}
      {f.raisedBy && <Tag>{t('screening.status.handedOver', { org: f.raisedBy.name })}</Tag>}
    </Flex>
  );
}

function evidenceSummary(f: Flag, t: T) {
  const e = f.evidence;
  if (e.months?.length) return t('screening.monthsList', { list: e.months.map((m) => Number(m.slice(5, 7))).join(', '), year: e.months[0].slice(0, 4) });
  if (e.years?.length) return e.years.join(', ');
  if (f.transfer) return `${f.transfer.letterNumber} · ${t('screening.evidence.dueDate')} ${showDate(e.dueDate)}`;
  if (e.dueDate) return `${t('screening.evidence.dueDate')} ${showDate(e.dueDate)}`;
  const records = [
    ...(e.documentIds ?? []).map((id) => t(f.kind === 'discipline_or_violation' ? 'screening.evidence.referral' : 'screening.evidence.opinion', { id })),
    ...f.violationRecords.map((v) => `${t(`conduct.form.${v.form}`)} ${v.reference}`),
    ...f.frontOpinions.map((o) => t('screening.evidence.frontOpinion', { year: o.year })),
  ];
  if (records.length) return records.join(', ');
  if (e.cutoff) return `${t('screening.evidence.cutoff')} ${showDate(e.cutoff)}`;
  return '';
}

function ScreeningView() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const scope = useScopeParams();
  const { sp, year, organizationId, set } = scope;
  const status = (STATUSES as readonly string[]).includes(sp.get('status') ?? '') ? (sp.get('status') as FlagFilter['status']) : 'all';
  const kind = sp.get('kind') ?? undefined;
  const page = Number(sp.get('page')) || 1;
  const flags = useFlags({ organizationId, year, status, kind, page });
  const [drawer, setDrawer] = useState<Flag | null>(null);
  const [reviewing, setReviewing] = useState<Flag | null>(null);
  const canReview = canScreening.review(me.role);
  const today = new Date().toISOString().slice(0, 10);

  const groups = useMemo(() => {
    const out = new Map<number, { name: string; items: Flag[] }>();
    for (const f of flags.data?.items ?? []) {
      const g = out.get(f.organization.id) ?? { name: f.organization.name, items: [] };
      g.items.push(f);
      out.set(f.organization.id, g);
    }
    return [...out.entries()];
  }, [flags.data]);

  const columns: ColumnsType<Flag> = [
    {
      title: t('screening.col.member'),
      key: 'member',
      width: 200,
      render: (_, f) => (
        <Flex vertical gap={0}>
          <Link to={`/members/${f.member.id}`}>{f.member.fullName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {showDate(f.member.birthDate)}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('screening.col.rule'), key: 'rule', width: 100, render: (_, f) => <RuleTag ruleId={f.ruleId} /> },
    { title: t('screening.col.kind'), key: 'kind', width: 240, render: (_, f) => <KindLabel kind={f.kind} /> },
    {
      title: t('screening.col.evidence'),
      key: 'evidence',
      width: 200,
      render: (_, f) => (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => setDrawer(f)}>
          {evidenceSummary(f, t) || t('screening.evidence.title')}
        </Button>
      ),
    },
    { title: t('screening.col.raisedOn'), key: 'raised', width: 105, render: (_, f) => showDate(f.raisedOn) },
    { title: t('screening.col.due'), key: 'due', width: 105, render: (_, f) => <span style={f.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>{showDate(f.reviewDueOn)}</span> },
    { title: t('screening.col.status'), key: 'status', width: 230, render: (_, f) => statusCell(f, today, t) },
    {
      title: t('screening.col.action'),
      key: 'action',
      width: 100,
      align: 'right',
      render: (_, f) =>
        f.status === 'open' && canReview ? (
          <Button size="small" type="primary" ghost onClick={() => setReviewing(f)}>
            {t('screening.review.open')}
          </Button>
        ) : f.review?.removalCaseId ? (
          <Link to={`/removal/cases/${f.review.removalCaseId}`}>#{f.review.removalCaseId}</Link>
        ) : null,
    },
  ];

  const counts = flags.data?.counts;
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('screening.title')} {year}
        </Typography.Title>
        <Typography.Text type="secondary">{t('screening.subtitle')}</Typography.Text>
      </div>
      <ScopeBar {...scope} />
      <RunPanel organizationId={organizationId} year={year} canRun={canScreening.run(me.role)} />
      <Flex gap={12} wrap align="center" justify="space-between">
        <Segmented<string>
          value={status}
          onChange={(v) => set({ status: v, page: undefined })}
          options={STATUSES.map((s) => ({ value: s, label: `${t(`screening.filter.${s}`)}${counts ? ` (${counts[s]})` : ''}` }))}
        />
        <Select<string>
          allowClear
          value={kind}
          placeholder={t('screening.filter.allKinds')}
          onChange={(v) => set({ kind: v, page: undefined })}
          style={{ width: 300 }}
          options={FLAG_KINDS.map((k) => ({ value: k, label: t(`screening.kind.${k}`) }))}
          aria-label={t('screening.filter.kind')}
        />
      </Flex>
      {flags.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : flags.isError ? (
        <PageError error={flags.error} onRetry={() => void flags.refetch()} />
      ) : groups.length === 0 ? (
        <Card>
          <Empty description={<Flex vertical><span>{t("screening.empty")}</span><Typography.Text type="secondary">{t("screening.emptyHint")}</Typography.Text></Flex>} />
        </Card>
      ) : (
        groups.map(([orgId, g]) => (
          <Card
            key={orgId}
            size="small"
            title={
              <Space>
                <span>{g.name}</span>
                <Tag>{t('screening.cellCount', { n: g.items.length })}</Tag>
              </Space>
            }
            styles={{ body: { padding: 0 } }}
          >
            <Table<Flag>
              rowKey="id"
              columns={columns}
              dataSource={g.items}
              pagination={false}
              size="middle"
              loading={flags.isFetching}
              scroll={{ x: 1100 }}
              onRow={(f) => (f.overdue ? { style: OVERDUE_ROW_STYLE } : {})}
            />
          </Card>
        ))
      )}
      {flags.data && flags.data.total > flags.data.pageSize && (
        <Pagination current={page} pageSize={flags.data.pageSize} total={flags.data.total} onChange={(p) => set({ page: p })} showSizeChanger={false} />
      )}
      {flags.isError && <Typography.Text type="danger">{errorText(t, flags.error)}</Typography.Text>}
      <FlagEvidenceDrawer
        flag={drawer}
        onClose={() => setDrawer(null)}
        canReview={canReview}
        onReview={(f) => {
          setDrawer(null);
          setReviewing(f);
        }}
      />
      <FlagReviewModal flag={reviewing} onClose={() => setReviewing(null)} />
    </Flex>
  );
}
