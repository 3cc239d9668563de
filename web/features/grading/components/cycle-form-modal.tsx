import { Alert, App, Button, Col, Flex, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { CycleDetail, QuotaParams } from '../../../../common/contracts/grading.contract.ts';
import { EXCELLENT_QUOTA_PARAMS, GRADING_PARAMS_366 } from '../../../../common/rules/grading-rule-sets.ts';
import { normalizeVi } from '../../../../common/rules/normalize-vi.ts';
import { applyFieldErrors, isApiError } from '../../../components/api-error.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useOrganizationTree } from '../../members/queries/use-organization-tree.ts';
import { useCreateCycle } from '../queries/use-create-cycle.ts';
import { useUpdateCycle } from '../queries/use-update-cycle.ts';
import { criterionName } from './assessment-fields.tsx';
import { GradingErrorAlert } from './rule-checks.tsx';

// Grassroots kinds (R-GRD-01 counts per grassroots organization); the server checks it too.
const GRASSROOTS = ['grassroots_committee', 'grassroots_cell', 'commune_committee'];

interface Values {
  organizationId?: number;
  year?: number;
  criteria: { code: string; name?: string | null; maxPoints: number }[];
  quota: QuotaParams;
}

/** Opens a grading year (no `cycle`) or edits its criteria and quota while it is being prepared. */
export function CycleFormModal({ open, cycle, onClose, onConflict }: { open: boolean; cycle?: CycleDetail; onClose: () => void; onConflict?: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCycle();
  const update = useUpdateCycle(cycle?.id ?? 0);
  const mutation = cycle ? update : create;
  useEffect(() => {
    if (open) mutation.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  const tree = useOrganizationTree({ enabled: open && !cycle });
  const criteria = Form.useWatch('criteria', form) as Values['criteria'] | undefined;
  const sum = (criteria ?? []).reduce((s, c) => s + (Number(c?.maxPoints) || 0), 0);
  const required = { required: true, message: t('field.required') };
  const scale = cycle?.thresholds.maxPoints ?? GRADING_PARAMS_366.maxPoints;

  const organizations = useMemo(
    () => (tree.data?.nodes ?? []).filter((n) => GRASSROOTS.includes(n.kind)).map((n) => ({ value: n.id, label: `${n.name} · ${t(`kind.${n.kind}`)}`, search: normalizeVi(n.name) })),
    [tree.data, t],
  );

  const initial: Values = cycle
    ? { criteria: cycle.criteria.map((c) => ({ ...c })), quota: cycle.quota.params }
    : {
        year: new Date().getFullYear(),
        criteria: GRADING_PARAMS_366.criteria.map((c) => ({ code: c.code, name: null, maxPoints: c.maxPoints })),
        quota: { ...EXCELLENT_QUOTA_PARAMS },
      };

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (sum !== scale) {
      void message.error(t('field.criteria_sum_mismatch', { sum, maxPoints: scale }));
      return;
    }
    const body = {
      criteria: v.criteria.map((c) => ({ code: c.code.trim(), name: c.name?.trim() || null, maxPoints: Number(c.maxPoints) })),
      quota: { maxExcellentPercent: Number(v.quota.maxExcellentPercent), denominator: v.quota.denominator },
    };
    const onError = (err: Error) => {
      applyFieldErrors(form, t, err);
      if (isApiError(err, 'CONFLICT')) onConflict?.();
    };
    if (cycle) {
      update.mutate(
        { ...body, version: cycle.version },
        {
          onSuccess: () => {
            void message.success(t('grading.cycleSaved'));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { ...body, organizationId: v.organizationId!, year: Number(v.year) },
        {
          onSuccess: (c) => {
            void message.success(t('grading.cycleCreated'));
            onClose();
            navigate(`/grading/cycles/${c.id}`);
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open={open}
      width={820}
      title={cycle ? t('grading.editCycle') : t('grading.newCycle')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <GradingErrorAlert error={mutation.error} style={{ marginBottom: 16 }} />
      <Alert type="info" showIcon title={t('grading.form.defaults')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={initial}>
        {!cycle && (
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item name="organizationId" label={t('grading.form.organization')} extra={t('grading.form.organizationHelp')} rules={[required]}>
                <Select
                  options={organizations}
                  loading={tree.isPending}
                  showSearch={{ filterOption: (input, o) => String((o as { search?: string })?.search ?? '').includes(normalizeVi(input)) }}
                  autoFocus
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="year" label={t('grading.form.year')} rules={[required]}>
                <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}

        <Flex justify="space-between" align="baseline">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('grading.form.criteria')}
          </Typography.Title>
          <Typography.Text type={sum === scale ? 'success' : 'danger'} strong>
            {t('grading.form.criteriaSum', { sum, max: scale })}
          </Typography.Text>
        </Flex>
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              {fields.map((f) => (
                <Row key={f.key} gutter={8} align="top">
                  <Col flex="auto">
                    <Form.Item name={[f.name, 'name']} label={f.name === 0 ? t('grading.form.criterionName') : undefined} style={{ marginBottom: 8 }}>
                      <Input maxLength={300} placeholder={criterionName(t, { code: criteria?.[f.name]?.code ?? '', name: null })} />
                    </Form.Item>
                  </Col>
                  <Col flex="150px">
                    <Form.Item
                      name={[f.name, 'code']}
                      label={f.name === 0 ? t('grading.form.criterionCode') : undefined}
                      rules={[required, { pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('field.criterion_code_format') }]}
                      style={{ marginBottom: 8 }}
                    >
                      <Input maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col flex="110px">
                    <Form.Item name={[f.name, 'maxPoints']} label={f.name === 0 ? t('grading.form.maxPoints') : undefined} rules={[required]} style={{ marginBottom: 8 }}>
                      <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col flex="40px" style={{ paddingTop: f.name === 0 ? 30 : 0 }}>
                    <Button type="text" danger onClick={() => remove(f.name)} disabled={fields.length <= 1} aria-label="×">
                      ×
                    </Button>
                  </Col>
                </Row>
              ))}
              <Button type="dashed" onClick={() => add({ code: `c${fields.length + 1}`, name: '', maxPoints: 10 })} style={{ alignSelf: 'flex-start' }}>
                + {t('grading.form.addCriterion')}
              </Button>
            </Flex>
          )}
        </Form.List>

        <Typography.Title level={5} style={{ marginTop: 20 }}>
          {t('grading.form.quota')}
        </Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={['quota', 'maxExcellentPercent']} label={t('grading.form.quotaPercent')} rules={[required]}>
              <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name={['quota', 'denominator']} label={t('grading.form.quotaDenominator')} rules={[required]}>
              <Select
                options={(['good_or_better', 'good_only'] as const).map((d) => ({ value: d, label: t(`grading.form.denominator.${d}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('grading.form.quotaUnverified')}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
