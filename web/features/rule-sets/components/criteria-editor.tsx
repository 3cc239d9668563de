import { Button, Col, Flex, Form, Input, InputNumber, Row, Typography } from 'antd';
import { CRITERION_CODE } from '../../../../common/rules/rule-set-schemas.ts';
import { useT } from '../../../i18n/i18n.tsx';

interface CriterionValue {
  code?: string;
  maxPoints?: number | null;
}

interface Props {
  minItems: number;
  maxItems: number;
  maxPointsEach: number;
}

const LIST = ['params', 'criteria'];

/**
 * R-GRD's scored criteria: code and maximum points per row, with the live sum that must equal the points scale
 * (Quy định 366-QĐ/TW Art. 11; the server checks the same and names the row it refuses).
 */
export function CriteriaEditor({ minItems, maxItems, maxPointsEach }: Props) {
  const t = useT();
  const form = Form.useFormInstance();
  const criteria = Form.useWatch(LIST, form) as (CriterionValue | undefined)[] | undefined;
  const scale = Form.useWatch(['params', 'maxPoints'], form) as number | null | undefined;
  const sum = (criteria ?? []).reduce((s, c) => s + (Number(c?.maxPoints) || 0), 0);
  const balanced = typeof scale === 'number' && sum === scale;
  const required = { required: true, message: t('field.required') };

  const nameOf = (code: string | undefined) => {
    if (!code) return '';
    const key = `grading.criterion.${code}`;
    const text = t(key);
    return text === key ? '' : text;
  };

  return (
    <div style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="baseline" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('ruleSets.param.criteria')}</Typography.Text>
        <Typography.Text type={balanced ? 'success' : 'danger'} strong aria-live="polite">
          {t('ruleSets.form.criteriaSum', { sum, max: scale ?? '—' })}
        </Typography.Text>
      </Flex>
      <Form.List
        name={LIST}
        rules={[
          {
            validator: async (_, value: CriterionValue[] | undefined) => {
              const total = (value ?? []).reduce((s, c) => s + (Number(c?.maxPoints) || 0), 0);
              const max = form.getFieldValue(['params', 'maxPoints']) as number | null | undefined;
              if (typeof max === 'number' && total !== max) throw new Error(t('field.criteria_sum_mismatch', { sum: total, maxPoints: max }));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={0}>
            {fields.map((f) => (
              <Row key={f.key} gutter={8} align="top" wrap={false}>
                <Col flex="180px">
                  <Form.Item
                    name={[f.name, 'code']}
                    label={f.name === 0 ? t('ruleSets.form.criterionCode') : undefined}
                    rules={[required, { pattern: CRITERION_CODE, message: t('field.criterion_code_format') }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input maxLength={40} aria-label={t('ruleSets.form.criterionCode')} />
                  </Form.Item>
                </Col>
                <Col flex="1 1 0" style={{ paddingTop: f.name === 0 ? 34 : 5, minWidth: 0 }}>
                  <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ fontSize: 12, display: 'block' }}>
                    {nameOf(criteria?.[f.name]?.code)}
                  </Typography.Text>
                </Col>
                <Col flex="130px">
                  <Form.Item
                    name={[f.name, 'maxPoints']}
                    label={f.name === 0 ? t('ruleSets.form.criterionMax') : undefined}
                    rules={[required]}
                    style={{ marginBottom: 8 }}
                  >
                    <InputNumber min={1} max={maxPointsEach} precision={0} style={{ width: '100%' }} aria-label={t('ruleSets.form.criterionMax')} />
                  </Form.Item>
                </Col>
                <Col flex="40px" style={{ paddingTop: f.name === 0 ? 30 : 0 }}>
                  <Button type="text" danger onClick={() => remove(f.name)} disabled={fields.length <= minItems} aria-label={t('ruleSets.form.removeCriterion')}>
                    ×
                  </Button>
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              onClick={() => add({ code: `c${fields.length + 1}`, maxPoints: Math.max(1, (scale ?? 0) - sum) || 1 })}
              disabled={fields.length >= maxItems}
              style={{ alignSelf: 'flex-start' }}
            >
              + {t('ruleSets.form.addCriterion')}
            </Button>
            <Form.Item style={{ marginBottom: 0 }}>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          </Flex>
        )}
      </Form.List>
    </div>
  );
}
