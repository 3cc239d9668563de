import { Alert, App, Flex, Form, Input, Modal, Radio, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import type { CycleDetail, GradingEntry } from '../../../../common/contracts/grading.contract.ts';
import { GRADE_LEVELS, type GradeLevel } from '../../../../common/rules/grading-rules.ts';
import { applyFieldErrors, isApiError } from '../../../components/api-error.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useSaveDecision } from '../queries/use-save-decision.ts';
import { useSaveProposal } from '../queries/use-save-proposal.ts';
import { type AssessmentValues, ConditionsFields, OutcomePreview, outcomeOf, ScoresFields } from './assessment-fields.tsx';
import { LevelTag } from './level-tag.tsx';
import { GradingErrorAlert, RuleCheckList } from './rule-checks.tsx';

type Cycle = Pick<CycleDetail, 'criteria' | 'thresholds'>;

interface Values extends Partial<AssessmentValues> {
  level: GradeLevel;
  comment?: string;
  reason?: string;
  correct?: boolean;
}

const rank = (l: GradeLevel) => GRADE_LEVELS.indexOf(l);

/**
 * The cell's proposal or the committee's decision for one member. Levels above what the points and conditions allow
 * cannot be chosen (the server refuses them too, naming the rule); a lower level needs a written reason.
 */
export function LevelModal({
  mode,
  entry,
  cycle,
  open,
  onClose,
  onConflict,
}: {
  mode: 'proposal' | 'decision';
  entry: GradingEntry;
  cycle: Cycle;
  open: boolean;
  onClose: () => void;
  onConflict?: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const proposal = useSaveProposal();
  const decision = useSaveDecision();
  const mutation = mode === 'proposal' ? proposal : decision;
  const values = Form.useWatch([], form) as Values | undefined;
  const correcting = mode === 'decision' && !!values?.correct;

  const self = entry.self ? outcomeOf(cycle, { scores: entry.self.scores, conditions: entry.self.conditions }) : null;
  const corrected = correcting ? outcomeOf(cycle, values) : null;
  const basis = correcting ? corrected : self;
  const allowed = basis?.level ?? null;
  const level = values?.level;
  const below = allowed !== null && level !== undefined && rank(level) > rank(allowed);

  useEffect(() => {
    if (open) mutation.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const initial: Values = {
    level: (mode === 'decision' ? entry.decision?.level ?? entry.proposal?.level : entry.proposal?.level) ?? self?.level ?? 'completed',
    comment: entry.proposal?.comment ?? undefined,
    reason: (mode === 'decision' ? entry.decision?.reason : entry.proposal?.reason) ?? undefined,
    correct: mode === 'decision' && !!(entry.decision?.scores || entry.decision?.conditions),
    scores: entry.decision?.scores ?? entry.self?.scores ?? {},
    conditions: entry.decision?.conditions ?? entry.self?.conditions,
  };

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const onError = (err: Error) => {
      applyFieldErrors(form, t, err);
      if (isApiError(err, 'CONFLICT')) onConflict?.();
    };
    const onSuccess = () => {
      void message.success(t(mode === 'proposal' ? 'grading.proposalSaved' : 'grading.decisionSaved'));
      onClose();
    };
    if (mode === 'proposal') {
      proposal.mutate({ id: entry.id, body: { level: v.level, comment: v.comment ?? null, reason: v.reason ?? null, version: entry.version } }, { onSuccess, onError });
    } else {
      const scores = v.correct ? Object.fromEntries(Object.entries(v.scores ?? {}).map(([k, n]) => [k, Number(n)])) : null;
      decision.mutate(
        { id: entry.id, body: { level: v.level, reason: v.reason ?? null, scores, conditions: v.correct ? v.conditions ?? null : null, version: entry.version } },
        { onSuccess, onError },
      );
    }
  };

  return (
    <Modal
      open={open}
      width={760}
      title={t(mode === 'proposal' ? 'grading.proposalTitle' : 'grading.decisionTitle', { name: entry.member.fullName })}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <GradingErrorAlert error={mutation.error} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={initial}>
        <Flex vertical gap={4} style={{ marginBottom: 16 }}>
          <Typography.Text>
            {entry.self ? t('grading.selfOf', { points: entry.self.points }) : t('grading.selfMissing')}
            {entry.proposal && mode === 'decision' && (
              <>
                {' · '}
                {t('grading.col.proposal')}: <LevelTag level={entry.proposal.level} />
              </>
            )}
          </Typography.Text>
          {allowed && (
            <Typography.Text>
              {t('grading.form.allowedNow')}
              <LevelTag level={allowed} full />
            </Typography.Text>
          )}
          {basis && basis.capReasons.length > 0 && (
            <div style={{ fontSize: 13 }}>
              <Typography.Text type="secondary">
                {t('grading.outcomeByPoints', { level: t(`grading.levelShort.${basis.levelByPoints}`) })}. {t('grading.capped')}
              </Typography.Text>
              <RuleCheckList checks={basis.capReasons} />
            </div>
          )}
        </Flex>

        {mode === 'decision' && (
          <>
            <Form.Item name="correct" valuePropName="checked" label={t('grading.form.correct')} extra={t('grading.form.correctHelp')}>
              <Switch />
            </Form.Item>
            {correcting && (
              <Flex vertical gap={8} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 12, marginBottom: 16 }}>
                <ScoresFields cycle={cycle} />
                <ConditionsFields />
                <OutcomePreview cycle={cycle} values={values} />
              </Flex>
            )}
          </>
        )}

        <Form.Item name="level" label={t('grading.form.level')} rules={[{ required: true, message: t('field.required') }]}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
            {GRADE_LEVELS.map((l) => {
              const above = allowed !== null && rank(l) < rank(allowed);
              return (
                <Radio key={l} value={l} disabled={above}>
                  <LevelTag level={l} full />{' '}
                  {above && <Typography.Text type="secondary">({t('grading.form.aboveAllowed')})</Typography.Text>}
                </Radio>
              );
            })}
          </Radio.Group>
        </Form.Item>
        {mode === 'proposal' && (
          <Form.Item name="comment" label={t('grading.form.comment')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {below && <Alert type="warning" showIcon title={t('grading.form.reasonHelp')} style={{ marginBottom: 12 }} />}
        <Form.Item
          name="reason"
          label={t('grading.form.reason')}
          hidden={!below}
          rules={below ? [{ required: true, whitespace: true, message: t('field.reason_required_below_allowed') }, { max: 2000 }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
