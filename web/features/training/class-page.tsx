import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ClassDetail, Enrolment } from '../../../common/contracts/training.contract.ts';
import { ApiError } from '../../api/http.ts';
import { errorText, fieldText, isApiError } from '../../components/api-error.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { canTraining } from './can-training.ts';
import { ClassFormModal } from './components/class-form-modal.tsx';
import { EnrolLearnerSelect } from './components/enrol-learner-select.tsx';
import { InlineNumberCell } from './components/inline-number-cell.tsx';
import { IssueCertificatesModal } from './components/issue-certificates-modal.tsx';
import { trainingKeys } from './queries/keys.ts';
import { useClass } from './queries/use-class.ts';
import { useRemoveEnrolment } from './queries/use-remove-enrolment.ts';
import { type UpdateEnrolmentBody, useUpdateEnrolment } from './queries/use-update-enrolment.ts';
import { COURSE_KIND_COLOR } from './training-labels.ts';

function parseId(raw: string | undefined): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export function ClassPage() {
  const me = useCurrentUser();
  const id = parseId(useParams().id);
  const klass = useClass(id);
  usePageTitle(klass.data?.name);
  if (!canTraining.read(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  if (id === null) return <PageError error={new ApiError(404, 'NOT_FOUND')} />;
  if (klass.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (klass.isError) return <PageError error={klass.error} onRetry={() => void klass.refetch()} />;
  return <ClassView klass={klass.data} onReload={() => void klass.refetch()} />;
}

function ClassView({ klass, onReload }: { klass: ClassDetail; onReload: () => void }) {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canManage = canTraining.manage(me.role);
  const [editing, setEditing] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const update = useUpdateEnrolment(klass.id);
  const remove = useRemoveEnrolment(klass.id);
  const rule = klass.passRule;

  // Saves of one row run one after another, each with the row's latest version, so typing attendance then
  // score quickly never trips over its own compare-and-set.
  const chains = useRef(new Map<number, Promise<unknown>>());
  const saveRow = (id: number, patch: Omit<UpdateEnrolmentBody, 'version'>): Promise<void> => {
    const run = async () => {
      const latest = qc.getQueryData<ClassDetail>(trainingKeys.detail(klass.id))?.enrolments.find((e) => e.id === id);
      try {
        await update.mutateAsync({ id, body: { ...patch, version: latest?.version ?? 1 } });
      } catch (err) {
        if (isApiError(err, 'CONFLICT')) onReload();
        const field = err instanceof ApiError ? err.fields[0] : undefined;
        throw new Error(field ? fieldText(t, field.code, field.params) : errorText(t, err));
      }
    };
    const next = (chains.current.get(id) ?? Promise.resolve()).catch(() => undefined).then(run);
    chains.current.set(id, next);
    return next;
  };

  const passedWithout = klass.enrolments.filter((e) => e.result === 'pass' && e.certificate === null).length;
  const enrolled = new Set(klass.enrolments.map((e) => e.personId));
  const decimalSeparator = locale === 'vi' ? ',' : '.';

  const columns: ColumnsType<Enrolment> = [
    { title: t('training.col.no'), key: 'no', width: 56, align: 'right', render: (_, __, i) => i + 1 },
    {
      title: t('training.col.fullName'),
      dataIndex: 'fullName',
      render: (name: string, e) => (
        <Flex vertical gap={2}>
          <strong>{name}</strong>
          <span>
            <Tag color={e.learnerKind === 'candidate' ? 'blue' : e.learnerKind === 'member' ? 'red' : 'default'}>{t(`training.learner.${e.learnerKind}`)}</Tag>
          </span>
        </Flex>
      ),
    },
    { title: t('training.col.birthDate'), dataIndex: 'birthDate', width: 112, render: (d: string) => showDate(d) },
    { title: t('training.col.unit'), dataIndex: 'organizationName', ellipsis: true, render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text> },
    {
      title: t('training.col.attended'),
      dataIndex: 'attendedSessions',
      width: 150,
      render: (v: number | null, e, i) =>
        canManage && !e.certificate ? (
          <InlineNumberCell
            value={v}
            col="attended"
            row={i}
            max={klass.sessionCount}
            precision={0}
            ariaLabel={`${t('training.col.attended')}: ${e.fullName}`}
            suffix={t('training.ofSessions', { n: klass.sessionCount })}
            onSave={(value) => saveRow(e.id, { attendedSessions: value })}
          />
        ) : v === null ? (
          '—'
        ) : (
          `${v} ${t('training.ofSessions', { n: klass.sessionCount })}`
        ),
    },
    {
      title: t('training.col.score'),
      dataIndex: 'score',
      width: 110,
      render: (v: number | null, e, i) =>
        canManage && !e.certificate ? (
          <InlineNumberCell
            value={v}
            col="score"
            row={i}
            max={10}
            precision={1}
            step={0.1}
            decimalSeparator={decimalSeparator}
            ariaLabel={`${t('training.col.score')}: ${e.fullName}`}
            onSave={(value) => saveRow(e.id, { score: value })}
          />
        ) : v === null ? (
          '—'
        ) : (
          v.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
        ),
    },
    {
      title: t('training.col.result'),
      dataIndex: 'result',
      width: 130,
      render: (r: Enrolment['result']) =>
        r === null ? (
          <Typography.Text type="secondary">{t('training.result.pending')}</Typography.Text>
        ) : (
          <Tag color={r === 'pass' ? 'green' : 'red'}>{t(`training.result.${r}`)}</Tag>
        ),
    },
    {
      title: t('training.col.certificate'),
      dataIndex: 'certificate',
      width: 190,
      render: (c: Enrolment['certificate']) =>
        c ? (
          <Tooltip title={t('training.frozen')}>
            <Flex vertical gap={0}>
              <strong style={{ fontVariantNumeric: 'tabular-nums' }}>{c.number}</strong>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {showDate(c.issuedOn)}
                {c.validUntil ? ` → ${showDate(c.validUntil)}` : ''}
              </Typography.Text>
            </Flex>
          </Tooltip>
        ) : (
          ''
        ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            width: 60,
            render: (_: unknown, e: Enrolment) =>
              e.certificate ? null : (
                <Popconfirm
                  title={t('training.removeConfirm', { name: e.fullName })}
                  okText={t('common.yes')}
                  cancelText={t('common.no')}
                  onConfirm={() =>
                    remove.mutate({ id: e.id, version: e.version }, { onError: (err) => void message.error(errorText(t, err)) })
                  }
                >
                  <Button type="text" size="small" danger aria-label={t('training.remove')} title={t('training.remove')}>
                    ✕
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Link to="/training" style={{ alignSelf: 'flex-start' }}>
        ← {t('training.backToList')}
      </Link>
      <Flex align="flex-start" justify="space-between" gap={16} wrap>
        <div>
          <Space align="center" size={12} wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {klass.name}
            </Typography.Title>
            <Tag color={COURSE_KIND_COLOR[klass.courseKind]}>{t(`training.kind.${klass.courseKind}`)}</Tag>
          </Space>
          <div>
            <Typography.Text type="secondary">
              {klass.institution} · {showDate(klass.startDate)} – {showDate(klass.endDate)}
            </Typography.Text>
          </div>
        </div>
        <Space wrap>
          {canManage && <Button onClick={() => setEditing(true)}>{t('training.editClass')}</Button>}
          <Button href={`/api/training/classes/${klass.id}/results.xlsx`} download>
            {t('training.exportExcel')}
          </Button>
          {canManage && (
            <Button type="primary" onClick={() => setIssuing(true)} disabled={passedWithout === 0}>
              {t('training.issue')}
              {passedWithout > 0 ? ` (${passedWithout})` : ''}
            </Button>
          )}
        </Space>
      </Flex>

      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'org', label: t('training.f.organization'), children: klass.organization.name },
            { key: 'institution', label: t('training.f.institution'), children: klass.institution },
            { key: 'dates', label: t('training.f.dates'), children: `${showDate(klass.startDate)} – ${showDate(klass.endDate)}` },
            { key: 'sessions', label: t('training.f.sessionCount'), children: klass.sessionCount },
            {
              key: 'validity',
              label: t('training.f.validity'),
              children: klass.certificateValidityMonths === null ? t('training.noExpiry') : t('training.validityMonths', { months: klass.certificateValidityMonths }),
            },
          ]}
        />
      </Card>

      <Alert
        type="warning"
        showIcon
        title={t('training.passRule', { ruleId: rule.ruleId, minScore: rule.minScore, minAttendancePercent: rule.minAttendancePercent })}
        description={rule.confidence === 'U' ? t('training.passRuleUnverified') : undefined}
      />

      <Card
        title={`${t('training.enrolments')} (${klass.enrolments.length})`}
        size="small"
        styles={{ body: { padding: 0 } }}
        extra={canManage ? <Typography.Text type="secondary">{t('training.inlineHelp')}</Typography.Text> : undefined}
      >
        {canManage && (
          <div style={{ padding: 12, borderBottom: '1px solid #f0f0f0' }}>
            <EnrolLearnerSelect classId={klass.id} enrolledPersonIds={enrolled} />
          </div>
        )}
        <Table<Enrolment>
          rowKey="id"
          columns={columns}
          dataSource={klass.enrolments}
          size="middle"
          pagination={false}
          locale={{ emptyText: t('training.noLearners') }}
          scroll={{ x: 1050 }}
        />
      </Card>

      {canManage && (
        <>
          <ClassFormModal open={editing} klass={klass} onClose={() => setEditing(false)} onConflict={onReload} />
          <IssueCertificatesModal klass={klass} open={issuing} onClose={() => setIssuing(false)} />
        </>
      )}
    </Flex>
  );
}
