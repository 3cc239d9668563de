import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { useEffect } from 'react';
import type { RuleSetView } from '../../../../common/contracts/rule-sets.contract.ts';
import type { FieldIssue } from '../../../../common/errors.ts';
import { EDITABLE_RULE_IDS, parseRuleSetParams, RULE_SET_FIELDS, type EditableRuleId, type ParamField } from '../../../../common/rules/rule-set-schemas.ts';
import { ApiError } from '../../../api/http.ts';
import { applyFieldErrors, errorText, fieldText, showParams } from '../../../components/api-error.ts';
import { showDate } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useAddRuleSetVersion } from '../queries/use-add-rule-set-version.ts';
import { CriteriaEditor } from './criteria-editor.tsx';
import { EffectiveDatePicker } from './effective-date-picker.tsx';
import { ruleValueLines } from './rule-value.tsx';

interface Values {
  ruleId: EditableRuleId;
  effectiveFrom?: string | null;
  source?: string;
  note?: string;
  params: Record<string, unknown>;
}

interface Props {
  open: boolean;
  rules: readonly RuleSetView[];
  /** The rule the modal opens on; another can be chosen in it. */
  initialRuleId: EditableRuleId;
  /** The server's business date: the first effective date allowed. */
  today: string;
  onClose: () => void;
}

const fieldsOf = (ruleId: EditableRuleId) => RULE_SET_FIELDS[ruleId] as readonly ParamField[];

/** The params of the version in force (or the latest one), copied: the form starts from the numbers that apply now. */
function startingParams(rule: RuleSetView | undefined): Record<string, unknown> {
  const v = rule?.versions.find((x) => x.inForce) ?? rule?.versions[0];
  return v ? structuredClone(v.params) : {};
}

/** The form's values as the API expects them: only the rule's own fields, numbers as numbers. */
function paramsOf(ruleId: EditableRuleId, raw: Record<string, unknown> | undefined): Record<string, unknown> {
  const num = (v: unknown) => (v === null || v === undefined || v === '' ? v : Number(v));
  return Object.fromEntries(
    fieldsOf(ruleId).map((f) => {
      const v = raw?.[f.key];
      if (f.kind === 'integer') return [f.key, num(v)];
      if (f.kind === 'criteria') {
        const list = Array.isArray(v) ? (v as { code?: string; maxPoints?: unknown }[]) : [];
        return [f.key, list.map((c) => ({ code: (c?.code ?? '').trim(), maxPoints: num(c?.maxPoints) }))];
      }
      return [f.key, v];
    }),
  );
}

/** Paths the form shows next to a field; an issue elsewhere (e.g. the whole params object) is listed in the alert. */
function isShownAtField(ruleId: EditableRuleId, path: string): boolean {
  const p = path.replace(/^body\./, '');
  if (['ruleId', 'effectiveFrom', 'source', 'note'].includes(p)) return true;
  const [head, key, ...rest] = p.split('.');
  if (head !== 'params' || !key) return false;
  const field = fieldsOf(ruleId).find((f) => f.key === key);
  if (!field) return false;
  return field.kind === 'criteria' ? rest.length === 0 || (rest.length === 2 && /^\d+$/.test(rest[0])) : rest.length === 0;
}

/**
 * "Thêm phiên bản": a new version of one rule's numbers, effective from a date not before today, with its legal
 * source. The fields are generated from the rule's parameter spec (common/rules/rule-set-schemas.ts), checked here by
 * the same schema the server uses, and the server's refusals are shown next to their fields.
 */
export function AddVersionModal({ open, rules, initialRuleId, today, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useAddRuleSetVersion();
  const ruleId = (Form.useWatch('ruleId', form) as EditableRuleId | undefined) ?? initialRuleId;
  const rule = rules.find((r) => r.ruleId === ruleId);
  const required = { required: true, message: t('field.required') };

  useEffect(() => {
    if (open) mutation.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  // The form is mounted afresh on each opening (destroyOnHidden), so these apply every time.
  const initialValues: Values = { ruleId: initialRuleId, effectiveFrom: null, source: '', note: '', params: startingParams(rules.find((r) => r.ruleId === initialRuleId)) };

  const onValuesChange = (changed: Partial<Values>) => {
    if (changed.ruleId) {
      mutation.reset();
      form.setFieldValue('params', startingParams(rules.find((r) => r.ruleId === changed.ruleId)));
    }
  };

  const showIssues = (issues: FieldIssue[]) => applyFieldErrors(form, t, new ApiError(400, 'VALIDATION', {}, issues));

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !v.effectiveFrom) return;
    const params = paramsOf(v.ruleId, v.params);
    // The server's own schema, run here first: the administrator sees every problem before sending.
    const local = parseRuleSetParams(v.ruleId, params);
    if (!local.ok) {
      showIssues(local.issues);
      return;
    }
    const effectiveFrom = v.effectiveFrom;
    mutation.mutate(
      { ruleId: v.ruleId, effectiveFrom, params, source: (v.source ?? '').trim(), note: v.note?.trim() || null },
      {
        onSuccess: () => {
          void message.success(t('ruleSets.added', { rule: v.ruleId, date: showDate(effectiveFrom) }));
          onClose();
        },
        onError: (err) => applyFieldErrors(form, t, err),
      },
    );
  };

  const err = mutation.error;
  const elsewhere = err instanceof ApiError ? err.fields.filter((f) => !isShownAtField(ruleId, f.path)) : [];
  const errorTitle = err instanceof ApiError && err.fields.length > 0 ? t('ruleSets.form.fixFields') : errorText(t, err);

  return (
    <Modal
      open={open}
      width={760}
      title={t('ruleSets.form.title', { rule: ruleId })}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('ruleSets.form.intro')}</Typography.Paragraph>
      {err != null && (
        <Alert
          type="error"
          showIcon
          title={errorTitle}
          description={
            elsewhere.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {elsewhere.map((f) => (
                  <li key={`${f.path}-${f.code}`}>{fieldText(t, f.code, showParams(f.params))}</li>
                ))}
              </ul>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values> form={form} layout="vertical" onValuesChange={onValuesChange} initialValues={initialValues}>
        <Form.Item name="ruleId" label={t('ruleSets.form.rule')} rules={[required]}>
          <Select options={EDITABLE_RULE_IDS.map((id) => ({ value: id, label: `${id} · ${t(`ruleSets.rule.${id}`)}` }))} />
        </Form.Item>
        {rule && (
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            title={t('ruleSets.form.current', { value: ruleValueLines(t, ruleId, startingParams(rule)).join('. ') })}
          />
        )}
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              name="effectiveFrom"
              label={t('ruleSets.form.effectiveFrom')}
              extra={t('ruleSets.form.effectiveHelp', { today: showDate(today) })}
              rules={[
                required,
                {
                  validator: async (_, value: string | null | undefined) => {
                    if (value && value < today) throw new Error(t('field.effective_in_past', { ruleId, today: showDate(today) }));
                  },
                },
              ]}
            >
              <EffectiveDatePicker minDate={today} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="source" label={t('ruleSets.form.source')} extra={t('ruleSets.form.sourceHelp')} rules={[{ ...required, whitespace: true }, { max: 500 }]}>
              <Input.TextArea rows={2} maxLength={500} placeholder={t('ruleSets.form.sourcePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('ruleSets.form.params')}
        </Typography.Title>
        <Row gutter={16}>
          {fieldsOf(ruleId).map((f) => {
            if (f.kind === 'criteria') {
              return (
                <Col span={24} key={`${ruleId}-${f.key}`}>
                  <CriteriaEditor minItems={f.minItems} maxItems={f.maxItems} maxPointsEach={f.maxPointsEach} />
                </Col>
              );
            }
            if (f.kind === 'enum') {
              return (
                <Col span={24} key={`${ruleId}-${f.key}`}>
                  <Form.Item name={['params', f.key]} label={t(`ruleSets.param.${f.key}`)} rules={[required]}>
                    <Select options={f.values.map((value) => ({ value, label: t(`ruleSets.${f.key}.${value}`) }))} />
                  </Form.Item>
                </Col>
              );
            }
            return (
              <Col xs={24} md={12} key={`${ruleId}-${f.key}`}>
                <Form.Item
                  name={['params', f.key]}
                  label={t(`ruleSets.param.${f.key}`)}
                  extra={t('ruleSets.range', { min: f.min, max: f.max })}
                  rules={[required]}
                >
                  <InputNumber min={f.min} max={f.max} precision={0} suffix={t(`ruleSets.unit.${f.unit}`)} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            );
          })}
        </Row>

        <Form.Item name="note" label={t('ruleSets.form.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
