import { App, Button, Card, Col, Flex, Popconfirm, Row, Skeleton, Statistic, Steps, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ADVANCE_TARGETS, type CycleDetail, GRADING_CYCLE_STATUSES, type GradingEntry } from '../../../common/contracts/grading.contract.ts';
import { ApiError } from '../../api/http.ts';
import { isApiError } from '../../components/api-error.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { canConduct } from '../conduct/can-conduct.ts';
import { YearConductTags } from '../conduct/components/year-conduct-tags.tsx';
import { canGrading } from './can-grading.ts';
import { criterionName } from './components/assessment-fields.tsx';
import { CloseCycleModal } from './components/close-cycle-modal.tsx';
import { CycleFormModal } from './components/cycle-form-modal.tsx';
import { LevelModal } from './components/level-modal.tsx';
import { LevelTag } from './components/level-tag.tsx';
import { QuotaBar } from './components/quota-bar.tsx';
import { GradingErrorAlert, RuleCheckList } from './components/rule-checks.tsx';
import { parseId, RESIDENCE_TAG, STATUS_TAG } from './grading-labels.ts';
import { useAdvanceCycle } from './queries/use-advance-cycle.ts';
import { useCycle } from './queries/use-cycle.ts';

export function CyclePage() {
  const me = useCurrentUser();
  const id = parseId(useParams().id);
  const cycle = useCycle(id);
  const t = useT();
  usePageTitle(cycle.data ? `${t('grading.cycleTitle', { year: cycle.data.year })} · ${cycle.data.organization.name}` : t('grading.title'));
  if (!canGrading.read(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  if (id === null) return <PageError error={new ApiError(404, 'NOT_FOUND')} />;
  if (cycle.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (cycle.isError) return <PageError error={cycle.error} onRetry={() => void cycle.refetch()} />;
  return <CycleView cycle={cycle.data} onReload={() => void cycle.refetch()} />;
}

const PHASES_PROPOSE = ['cell_proposal', 'committee_decision'];
const PHASES_ASSESS = ['self_assessment', 'cell_proposal', 'committee_decision'];

function CycleView({ cycle, onReload }: { cycle: CycleDetail; onReload: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const advance = useAdvanceCycle(cycle.id);
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const [modal, setModal] = useState<{ mode: 'proposal' | 'decision'; entry: GradingEntry } | null>(null);
  const next = ADVANCE_TARGETS.find((_, i) => GRADING_CYCLE_STATUSES[i] === cycle.status);
  const c = cycle.counts;

  const doAdvance = () =>
    advance.mutate(
      { to: next!, version: cycle.version },
      {
        onSuccess: () => void message.success(t('grading.advanced', { step: t(`grading.step.${next}`) })),
        onError: (err) => {
          if (isApiError(err, 'CONFLICT')) onReload();
        },
      },
    );

  const graded = (e: GradingEntry) => e.roster === 'graded';
  const columns: ColumnsType<GradingEntry> = [
    { title: t('grading.col.no'), key: 'no', width: 56, align: 'right', render: (_, __, i) => i + 1 },
    {
      title: t('grading.col.member'),
      key: 'member',
      width: 230,
      render: (_, e) => (
        <Flex vertical gap={2}>
          <Link to={`/grading/entries/${e.id}`} style={{ fontWeight: 500, color: graded(e) ? undefined : 'rgba(0,0,0,0.45)' }}>
            {e.member.fullName}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.cell.name}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('grading.col.self'),
      key: 'self',
      width: 150,
      render: (_, e) => {
        if (e.roster === 'exempted') {
          return (
            <Tooltip title={t('grading.exemptedHelp')}>
              <Tag>{t('grading.exempted')}</Tag>
            </Tooltip>
          );
        }
        if (e.roster === 'left') return <Tag>{t('grading.left')}</Tag>;
        if (e.self) return <strong>{t('grading.points', { points: e.self.points })}</strong>;
        return cycle.can.assess && PHASES_ASSESS.includes(cycle.status) ? (
          <Link to={`/grading/entries/${e.id}`}>{t('grading.assess')}</Link>
        ) : (
          <Typography.Text type="secondary">{t('grading.notYet')}</Typography.Text>
        );
      },
    },
    {
      title: (
        <Tooltip title={t('grading.col.allowedHelp')}>
          <span style={{ borderBottom: '1px dotted' }}>{t('grading.col.allowed')}</span>
        </Tooltip>
      ),
      key: 'allowed',
      width: 150,
      render: (_, e) =>
        graded(e) && e.allowed ? (
          <Tooltip
            title={
              e.allowed.capReasons.length ? (
                <div>
                  {t('grading.outcomeByPoints', { level: t(`grading.levelShort.${e.allowed.levelByPoints}`) })}. {t('grading.capped')}
                  <RuleCheckList checks={e.allowed.capReasons} />
                </div>
              ) : undefined
            }
          >
            <span>
              <LevelTag level={e.allowed.level} />
              {e.allowed.capReasons.length > 0 && <Typography.Text type="warning"> ▾</Typography.Text>}
              {e.allowed.basis === 'committee' && <Typography.Text type="secondary"> *</Typography.Text>}
            </span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: t('grading.col.proposal'),
      key: 'proposal',
      width: 180,
      render: (_, e) => (
        <Flex gap={6} align="center" wrap>
          {e.proposal ? (
            <Tooltip title={[e.proposal.comment, e.proposal.reason && t('grading.reasonLabel', { reason: e.proposal.reason })].filter(Boolean).join(' — ') || undefined}>
              <span>
                <LevelTag level={e.proposal.level} />
              </span>
            </Tooltip>
          ) : graded(e) ? (
            <Typography.Text type="secondary">—</Typography.Text>
          ) : null}
          {graded(e) && cycle.can.propose && PHASES_PROPOSE.includes(cycle.status) && !e.decision && e.self && (
            <Button size="small" onClick={() => setModal({ mode: 'proposal', entry: e })}>
              {t('grading.propose')}
            </Button>
          )}
        </Flex>
      ),
    },
    {
      title: t('grading.col.decision'),
      key: 'decision',
      width: 200,
      render: (_, e) => (
        <Flex gap={6} align="center" wrap>
          {e.decision ? (
            <Tooltip title={e.decision.reason ? t('grading.reasonLabel', { reason: e.decision.reason }) : undefined}>
              <span>
                <LevelTag level={e.decision.level} />
              </span>
            </Tooltip>
          ) : graded(e) ? (
            <Typography.Text type="secondary">—</Typography.Text>
          ) : null}
          {graded(e) && cycle.can.decide && cycle.status === 'committee_decision' && e.proposal && (
            <Button size="small" type={e.decision ? 'default' : 'primary'} onClick={() => setModal({ mode: 'decision', entry: e })}>
              {t('grading.decide')}
            </Button>
          )}
        </Flex>
      ),
    },
    {
      title: t('grading.col.residence'),
      key: 'residence',
      width: 150,
      render: (_, e) =>
        e.residence ? (
          <Tooltip title={`${e.residence.comments ?? ''} (${e.residence.givenBy}, ${showDate(e.residence.givenOn)})`}>
            <Tag color={RESIDENCE_TAG[e.residence.rating]}>{t(`grading.residence.${e.residence.rating}`)}</Tag>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    // Conduct in the year beside the residence opinion (issue 5 item 1), for the roles that may read it.
    ...(canConduct.read(me.role)
      ? [
          {
            title: t('conduct.inYear.col'),
            key: 'conduct',
            width: 220,
            render: (_: unknown, e: GradingEntry) => (e.conduct ? <YearConductTags conduct={e.conduct} /> : <Typography.Text type="secondary">—</Typography.Text>),
          },
        ]
      : []),
  ];

  const stepIndex = GRADING_CYCLE_STATUSES.indexOf(cycle.status);

  return (
    <Flex vertical gap={16}>
      <Link to="/grading">← {t('grading.backToList')}</Link>
      <Flex align="flex-start" justify="space-between" gap={16} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('grading.cycleTitle', { year: cycle.year })}
          </Typography.Title>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{cycle.organization.name}</Typography.Text>
            <Tag color={STATUS_TAG[cycle.status]}>{t(`grading.status.${cycle.status}`)}</Tag>
            {cycle.rosterDate && <Typography.Text type="secondary">{t('grading.rosterDate', { date: showDate(cycle.rosterDate) })}</Typography.Text>}
          </Flex>
        </div>
        <Flex gap={8} wrap>
          {cycle.can.manageCycle && cycle.status === 'open' && <Button onClick={() => setEditing(true)}>{t('grading.editCycle')}</Button>}
          {cycle.can.manageCycle && next && (
            <Popconfirm
              title={t(`grading.advance.${next}`)}
              description={<div style={{ maxWidth: 360 }}>{t('grading.advance.confirm', { step: t(`grading.step.${next}`) })}</div>}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={doAdvance}
            >
              <Button type="primary" loading={advance.isPending}>
                {t(`grading.advance.${next}`)}
              </Button>
            </Popconfirm>
          )}
          {cycle.can.closeCycle && cycle.status === 'committee_decision' && (
            <Button type="primary" onClick={() => setClosing(true)}>
              {t('grading.close')}
            </Button>
          )}
        </Flex>
      </Flex>

      <Card size="small">
        <Steps size="small" current={stepIndex} status={cycle.status === 'closed' ? 'finish' : 'process'} items={GRADING_CYCLE_STATUSES.map((s) => ({ title: t(`grading.step.${s}`) }))} />
      </Card>

      <GradingErrorAlert error={advance.error} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" style={{ height: '100%' }}>
            <Row gutter={[8, 12]}>
              <Col span={8}>
                <Statistic title={t('grading.summary.graded')} value={c.graded} />
              </Col>
              <Col span={8}>
                <Statistic title={t('grading.summary.selfAssessed')} value={c.selfAssessed} suffix={`/ ${c.graded}`} />
              </Col>
              <Col span={8}>
                <Statistic title={t('grading.summary.exempted')} value={c.exempted} />
              </Col>
              <Col span={8}>
                <Statistic title={t('grading.summary.proposed')} value={c.proposed} suffix={`/ ${c.graded}`} />
              </Col>
              <Col span={8}>
                <Statistic title={t('grading.summary.decided')} value={c.decided} suffix={`/ ${c.graded}`} />
              </Col>
              <Col span={8}>
                <Flex vertical gap={4}>
                  <Typography.Text type="secondary">{t('grading.criteriaTitle')}</Typography.Text>
                  {cycle.criteria.map((k) => (
                    <Typography.Text key={k.code} style={{ fontSize: 12 }} ellipsis={{ tooltip: criterionName(t, k) }}>
                      {k.maxPoints} · {criterionName(t, k)}
                    </Typography.Text>
                  ))}
                </Flex>
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" style={{ height: '100%' }}>
            <QuotaBar quota={cycle.quota} />
          </Card>
        </Col>
      </Row>

      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<GradingEntry>
          rowKey="id"
          columns={columns}
          dataSource={cycle.entries}
          size="middle"
          pagination={cycle.entries.length > 100 ? { pageSize: 100, style: { paddingInline: 16 } } : false}
          locale={{ emptyText: t('grading.emptyEntries') }}
          scroll={{ x: 1340 }}
          onRow={(e) => (e.roster === 'graded' ? {} : { style: { background: '#fafafa' } })}
        />
      </Card>

      {editing && <CycleFormModal open cycle={cycle} onClose={() => setEditing(false)} onConflict={onReload} />}
      {closing && <CloseCycleModal open cycle={cycle} onClose={() => setClosing(false)} onConflict={onReload} />}
      {modal && <LevelModal open mode={modal.mode} entry={modal.entry} cycle={cycle} onClose={() => setModal(null)} onConflict={onReload} />}
    </Flex>
  );
}
