import { App, Button, Descriptions, Divider, Flex, Form, Input, Typography } from 'antd';
import type { EntryDetail } from '../../../../common/contracts/grading.contract.ts';
import { applyFieldErrors, isApiError } from '../../../components/api-error.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useSaveSelfAssessment } from '../queries/use-save-self-assessment.ts';
import { type AssessmentValues, ConditionsFields, criterionName, EMPTY_CONDITIONS, OutcomePreview, ScoresFields } from './assessment-fields.tsx';
import { GradingErrorAlert } from './rule-checks.tsx';

interface Values extends AssessmentValues {
  comment?: string;
}

/** The member's self-assessment (Quy định 366: points per criterion and the required conditions), with the live result. */
export function SelfAssessmentForm({ detail, onConflict }: { detail: EntryDetail; onConflict?: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveSelfAssessment();
  const values = Form.useWatch([], form) as Values | undefined;
  const e = detail.entry;

  const onFinish = (v: Values) => {
    const scores = Object.fromEntries(detail.cycle.criteria.map((c) => [c.code, Number(v.scores?.[c.code] ?? 0)]));
    save.mutate(
      { id: e.id, body: { scores, conditions: { ...EMPTY_CONDITIONS, ...v.conditions }, comment: v.comment ?? null, version: e.version } },
      {
        onSuccess: () => void message.success(t('grading.selfSaved')),
        onError: (err) => {
          applyFieldErrors(form, t, err);
          if (isApiError(err, 'CONFLICT')) onConflict?.();
        },
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ scores: e.self?.scores ?? {}, conditions: e.self?.conditions ?? EMPTY_CONDITIONS, comment: e.self?.comment ?? undefined }}
    >
      <GradingErrorAlert error={save.error} style={{ marginBottom: 16 }} />
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('grading.form.scores')}
      </Typography.Title>
      <ScoresFields cycle={detail.cycle} />
      <Divider style={{ margin: '8px 0 16px' }} />
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('grading.form.conditions')}
      </Typography.Title>
      <ConditionsFields />
      <Form.Item name="comment" label={t('grading.form.selfComment')} rules={[{ max: 2000 }]} style={{ marginTop: 16 }}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Flex vertical gap={12}>
        <OutcomePreview cycle={detail.cycle} values={values} />
        <Button type="primary" htmlType="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('grading.form.submitSelf')}
        </Button>
      </Flex>
    </Form>
  );
}

/** A self-assessment as recorded (read-only). */
export function SelfAssessmentView({ detail }: { detail: EntryDetail }) {
  const t = useT();
  const s = detail.entry.self;
  if (!s) return <Typography.Text type="secondary">{t('grading.selfMissing')}</Typography.Text>;
  const yes = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  return (
    <Flex vertical gap={12}>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          ...detail.cycle.criteria.map((c) => ({ key: c.code, label: criterionName(t, c), children: `${s.scores[c.code] ?? '—'} / ${c.maxPoints}` })),
          { key: 'total', label: <strong>{t('grading.form.total')}</strong>, children: <strong>{`${s.points} / ${detail.cycle.thresholds.maxPoints}`}</strong> },
          { key: 'onTime', label: t('grading.form.allTasksOnTime'), children: yes(s.conditions.allTasksOnTime) },
          { key: 'quality', label: t('grading.form.tasksWithQuality'), children: yes(s.conditions.tasksWithQuality) },
          { key: 'tasks', label: `${t('grading.form.tasksExceeded')} / ${t('grading.form.tasksTotal')}`, children: `${s.conditions.tasksExceeded} / ${s.conditions.tasksTotal}` },
          { key: 'fixed', label: t('grading.form.earlierShortcomingsFixed'), children: yes(s.conditions.earlierShortcomingsFixed) },
          {
            key: 'findings',
            label: t('grading.form.findings'),
            children: s.conditions.disqualifyingFindings.length ? s.conditions.disqualifyingFindings.map((f) => t(`grading.finding.${f}`)).join('; ') : t('common.none'),
          },
          { key: 'comment', label: t('grading.form.selfComment'), children: s.comment ?? '—' },
        ]}
      />
      <OutcomePreview cycle={detail.cycle} values={{ scores: s.scores, conditions: s.conditions }} />
    </Flex>
  );
}
