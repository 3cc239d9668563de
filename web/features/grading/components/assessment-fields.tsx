import { Checkbox, Col, Flex, Form, InputNumber, Row, Typography } from 'antd';
import type { CycleDetail, GradeConditionsInput } from '../../../../common/contracts/grading.contract.ts';
import { DISQUALIFYING_FINDINGS, gradeOutcome, type GradeConditions } from '../../../../common/rules/grading-rules.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { LevelTag } from './level-tag.tsx';
import { RuleCheckList } from './rule-checks.tsx';

type Cycle = Pick<CycleDetail, 'criteria' | 'thresholds'>;

export interface AssessmentValues {
  scores: Record<string, number | null>;
  conditions: GradeConditionsInput;
}

export const EMPTY_CONDITIONS: GradeConditionsInput = {
  allTasksOnTime: false,
  tasksWithQuality: false,
  tasksTotal: 0,
  tasksExceeded: 0,
  earlierShortcomingsFixed: false,
  disqualifyingFindings: [],
};

/** The criterion's name as configured on the cycle, else the shipped criterion's name in the user's language. */
export function criterionName(t: (k: string) => string, c: { code: string; name: string | null }) {
  if (c.name) return c.name;
  const key = `grading.criterion.${c.code}`;
  const text = t(key);
  return text === key ? c.code : text;
}

/** Points per criterion (whole points, 0…its maximum), as Form.Items named scores.<code>. */
export function ScoresFields({ cycle, disabled }: { cycle: Cycle; disabled?: boolean }) {
  const t = useT();
  return (
    <Flex vertical gap={0}>
      {cycle.criteria.map((c) => (
        <Form.Item
          key={c.code}
          name={['scores', c.code]}
          label={
            <span>
              {criterionName(t, c)}{' '}
              <Typography.Text type="secondary">({t('grading.form.maxPoints').toLowerCase()}: {c.maxPoints})</Typography.Text>
            </span>
          }
          rules={[{ required: true, message: t('field.required') }]}
          style={{ marginBottom: 12 }}
        >
          <InputNumber min={0} max={c.maxPoints} precision={0} style={{ width: 140 }} disabled={disabled} suffix={`/ ${c.maxPoints}`} />
        </Form.Item>
      ))}
    </Flex>
  );
}

/** The conditions each level past `completed` needs (366 Art. 11), as Form.Items named conditions.<field>. */
export function ConditionsFields({ disabled }: { disabled?: boolean }) {
  const t = useT();
  const check = (name: keyof GradeConditionsInput) => (
    <Form.Item name={['conditions', name]} valuePropName="checked" style={{ marginBottom: 6 }}>
      <Checkbox disabled={disabled}>{t(`grading.form.${name}`)}</Checkbox>
    </Form.Item>
  );
  return (
    <Flex vertical gap={0}>
      {check('allTasksOnTime')}
      {check('tasksWithQuality')}
      {check('earlierShortcomingsFixed')}
      <Row gutter={16} style={{ marginTop: 8 }}>
        <Col xs={12} md={8}>
          <Form.Item name={['conditions', 'tasksTotal']} label={t('grading.form.tasksTotal')} rules={[{ required: true, message: t('field.required') }]}>
            <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name={['conditions', 'tasksExceeded']}
            label={t('grading.form.tasksExceeded')}
            dependencies={[['conditions', 'tasksTotal']]}
            rules={[
              { required: true, message: t('field.required') },
              ({ getFieldValue }) => ({
                validator: (_, v: number | null) =>
                  v == null || v <= (getFieldValue(['conditions', 'tasksTotal']) ?? 0) ? Promise.resolve() : Promise.reject(new Error(t('field.exceeded_above_total'))),
              }),
            ]}
          >
            <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} disabled={disabled} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['conditions', 'disqualifyingFindings']} label={t('grading.form.findings')} style={{ marginBottom: 0 }}>
        <Checkbox.Group disabled={disabled} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          {DISQUALIFYING_FINDINGS.map((f) => (
            <Checkbox key={f} value={f}>
              {t(`grading.finding.${f}`)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
    </Flex>
  );
}

/** The total of the points entered, or null while some criterion is blank. */
export function totalOf(cycle: Cycle, scores: Record<string, number | null> | undefined): number | null {
  let sum = 0;
  for (const c of cycle.criteria) {
    const v = scores?.[c.code];
    if (v == null || !Number.isFinite(v)) return null;
    sum += v;
  }
  return sum;
}

/** The level the points and the conditions allow (the pure rule the server applies), with the reasons it is capped. */
export function outcomeOf(cycle: Cycle, values: Partial<AssessmentValues> | undefined) {
  const points = totalOf(cycle, values?.scores);
  const c = { ...EMPTY_CONDITIONS, ...values?.conditions };
  if (points === null || points > cycle.thresholds.maxPoints) return null;
  const conditions: GradeConditions = { ...c, tasksTotal: c.tasksTotal ?? 0, tasksExceeded: c.tasksExceeded ?? 0, disqualifyingFindings: [...(c.disqualifyingFindings ?? [])] };
  if (conditions.tasksExceeded > conditions.tasksTotal) return null;
  try {
    return { points, ...gradeOutcome(points, conditions, { ...cycle.thresholds, criteria: cycle.criteria }) };
  } catch {
    return null;
  }
}

/** The live result of what is being entered. */
export function OutcomePreview({ cycle, values }: { cycle: Cycle; values: Partial<AssessmentValues> | undefined }) {
  const t = useT();
  const o = outcomeOf(cycle, values);
  const points = totalOf(cycle, values?.scores);
  return (
    <Flex vertical gap={6} style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: 12 }}>
      <Flex gap={12} align="center" wrap>
        <Typography.Text strong>
          {t('grading.form.total')}: {points === null ? '—' : `${points}/${cycle.thresholds.maxPoints}`}
        </Typography.Text>
        {o && (
          <>
            <Typography.Text type="secondary">{t('grading.outcome')}:</Typography.Text>
            <LevelTag level={o.level} full />
          </>
        )}
      </Flex>
      {o && o.capReasons.length > 0 && (
        <>
          <Typography.Text type="secondary">
            {t('grading.outcomeByPoints', { level: t(`grading.levelShort.${o.levelByPoints}`) })}. {t('grading.capped')}
          </Typography.Text>
          <RuleCheckList checks={o.capReasons} />
        </>
      )}
    </Flex>
  );
}
