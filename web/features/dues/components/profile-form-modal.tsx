import { Alert, App, Checkbox, Col, Descriptions, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useMemo } from 'react';
import type { DuesProfileVersion } from '../../../../common/contracts/dues.contract.ts';
import { checkDuesProfile, type DuesProfile, monthlyDues, type PartyAgeFacts } from '../../../../common/rules/dues.ts';
import { DUES_GROUPS, DUES_RULE_SETS, type DuesGroup, WAGE_REGIONS, type WageRegion } from '../../../../common/rules/dues-rule-sets.ts';
import { violations } from '../../../../common/rules/rule-check.ts';
import { applyFieldErrors, isApiError } from '../../../components/api-error.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { currentMonth, formatVnd, showMonth } from '../money.ts';
import { useInvalidateDues } from '../queries/use-invalidate-dues.ts';
import { useMinimumWages } from '../queries/use-minimum-wages.ts';
import { useSetDuesProfile } from '../queries/use-set-dues-profile.ts';
import { MoneyInput } from './money-input.tsx';
import { MonthPicker } from './month-picker.tsx';
import { DuesErrorAlert } from './violation-list.tsx';

/** QĐ 342 gave way to Quy định 01-QĐ/TW on this month (rules.md R-DUE). */
const SWITCH_MONTH = '2026-02';
const BASE_GROUPS: readonly DuesGroup[] = ['insured_salary', 'pension'];
const REGION_GROUPS: readonly DuesGroup[] = ['no_insurance_below_retirement', 'no_insurance_at_retirement'];
const BAND_GROUPS: readonly DuesGroup[] = ['no_insurance_below_retirement', 'no_insurance_at_retirement', 'student', 'fixed_band_342'];

interface Values {
  fromMonth: string;
  group: DuesGroup;
  baseAmountVnd?: number | null;
  onSickOrMaternityLeave?: boolean;
  region?: WageRegion | null;
  bandAmountVnd?: number | null;
  pastWorkingAge?: boolean;
  note?: string;
}

/** Which fields a group needs from `fromMonth` on: the base for percentages, the region after the switch, the band before it. */
function fieldsFor(group: DuesGroup | undefined, fromMonth: string | undefined) {
  const before = (fromMonth ?? '9999-12') < SWITCH_MONTH;
  return {
    base: group !== undefined && BASE_GROUPS.includes(group),
    sick: group === 'insured_salary',
    region: group !== undefined && REGION_GROUPS.includes(group),
    band: group !== undefined && before && BAND_GROUPS.includes(group),
    pastWorkingAge: group !== undefined && before && BAND_GROUPS.includes(group) && group !== 'no_insurance_at_retirement',
  };
}

/**
 * A new version of the member's dues profile from a month on (R-DUE); the previous version stays for earlier months.
 * The amounts are previewed with the same pure rules the server applies, on the wage table the server holds.
 */
export function ProfileFormModal({ open, memberId, current, partyAge, onClose }: { open: boolean; memberId: number; current: DuesProfileVersion | null; partyAge: PartyAgeFacts | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetDuesProfile(memberId);
  const wages = useMinimumWages();
  const invalidate = useInvalidateDues();
  const v = Form.useWatch([], form) as Values | undefined;
  const show = fieldsFor(v?.group, v?.fromMonth);
  const required = { required: true, message: t('field.required') };

  const preview = useMemo(() => {
    if (!v?.group || !v.fromMonth || !wages.data) return null;
    const table = wages.data.items.map((w) => ({ effectiveFrom: w.effectiveFrom, source: w.source, monthlyVnd: w.monthlyVnd }));
    const f = fieldsFor(v.group, v.fromMonth);
    const profile: DuesProfile = {
      validFrom: `${v.fromMonth}-01`,
      validTo: null,
      group: v.group,
      baseAmountVnd: f.base ? (v.baseAmountVnd ?? undefined) : undefined,
      onSickOrMaternityLeave: f.sick ? !!v.onSickOrMaternityLeave : false,
      region: f.region ? (v.region ?? undefined) : undefined,
      bandAmountVnd: f.band ? (v.bandAmountVnd ?? undefined) : undefined,
      pastWorkingAge: f.pastWorkingAge ? !!v.pastWorkingAge : false,
      partyAge,
    };
    const months = [...new Set([v.fromMonth, ...(v.fromMonth < SWITCH_MONTH ? [SWITCH_MONTH] : []), ...(currentMonth() > v.fromMonth ? [currentMonth()] : [])])].sort();
    const lines = months.map((month) => {
      try {
        const d = monthlyDues(profile, month, DUES_RULE_SETS, table);
        return { month, amount: d.amount, source: d.ruleSetSource };
      } catch {
        return { month, amount: null, source: null };
      }
    });
    return { lines, failed: violations(checkDuesProfile(profile, DUES_RULE_SETS, table)) };
  }, [v, wages.data, partyAge]);

  const onOk = async () => {
    const values = await form.validateFields();
    const f = fieldsFor(values.group, values.fromMonth);
    save.mutate(
      {
        fromMonth: values.fromMonth,
        group: values.group,
        baseAmountVnd: f.base ? (values.baseAmountVnd ?? null) : null,
        onSickOrMaternityLeave: f.sick ? !!values.onSickOrMaternityLeave : false,
        region: f.region ? (values.region ?? null) : null,
        bandAmountVnd: f.band ? (values.bandAmountVnd ?? null) : null,
        pastWorkingAge: f.pastWorkingAge ? !!values.pastWorkingAge : false,
        note: values.note ?? '',
        replaces: current ? { id: current.id, version: current.version } : null,
      },
      {
        onSuccess: () => {
          void message.success(t('dues.profile.saved'));
          onClose();
        },
        onError: (err) => {
          applyFieldErrors(form, t, err);
          // Someone changed the profile meanwhile: reload it so the next save replaces the version now in force.
          if (isApiError(err, 'CONFLICT')) void invalidate();
        },
      },
    );
  };

  const initial: Values = current
    ? {
        fromMonth: currentMonth() > current.validFrom.slice(0, 7) ? currentMonth() : current.validFrom.slice(0, 7),
        group: current.group,
        baseAmountVnd: current.baseAmountVnd,
        onSickOrMaternityLeave: current.onSickOrMaternityLeave,
        region: current.region,
        bandAmountVnd: current.bandAmountVnd,
        pastWorkingAge: current.pastWorkingAge,
        note: '',
      }
    : { fromMonth: currentMonth(), group: 'insured_salary', onSickOrMaternityLeave: false, pastWorkingAge: false };

  return (
    <Modal
      open={open}
      width={720}
      title={t('dues.profile.title')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      afterOpenChange={(o) => (o ? save.reset() : undefined)}
    >
      <DuesErrorAlert error={save.error} />
      <Form<Values> form={form} layout="vertical" initialValues={initial} preserve={false} requiredMark="optional">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="fromMonth" label={t('dues.profile.fromMonth')} rules={[required]} extra={current ? t('dues.profile.fromMonthHint') : undefined}>
              <MonthPicker style={{ width: '100%' }} minMonth={current?.validFrom.slice(0, 7)} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="group" label={t('dues.profile.group')} rules={[required]} extra={v?.group ? t(`dues.groupRule.${v.group}`) : undefined}>
              <Select options={DUES_GROUPS.map((g) => ({ value: g, label: t(`dues.group.${g}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          {show.base && (
            <Col span={12}>
              <Form.Item
                name="baseAmountVnd"
                label={t(v?.group === 'pension' ? 'dues.profile.baseAmount.pension' : v?.onSickOrMaternityLeave ? 'dues.profile.baseAmount.benefit' : 'dues.profile.baseAmount.insured_salary')}
                rules={[required]}
              >
                <MoneyInput />
              </Form.Item>
            </Col>
          )}
          {show.sick && (
            <Col span={12}>
              <Form.Item name="onSickOrMaternityLeave" valuePropName="checked" style={{ marginTop: 30 }}>
                <Checkbox>{t('dues.profile.sick')}</Checkbox>
              </Form.Item>
            </Col>
          )}
          {show.region && (
            <Col span={12}>
              <Form.Item name="region" label={t('dues.profile.region')} rules={[required]}>
                <Select
                  options={WAGE_REGIONS.map((r) => {
                    const latest = wages.data?.items.at(-1);
                    return { value: r, label: latest ? `${t('dues.wages.region', { region: r })} · ${formatVnd(latest.monthlyVnd[r])}` : t('dues.wages.region', { region: r }) };
                  })}
                />
              </Form.Item>
            </Col>
          )}
          {show.band && (
            <Col span={12}>
              <Form.Item name="bandAmountVnd" label={t('dues.profile.band')} rules={[required]} extra={t('dues.profile.bandHint')}>
                <MoneyInput min={2_000} max={30_000} />
              </Form.Item>
            </Col>
          )}
          {show.pastWorkingAge && (
            <Col span={12}>
              <Form.Item name="pastWorkingAge" valuePropName="checked" style={{ marginTop: 30 }}>
                <Checkbox>{t('dues.profile.pastWorkingAge')}</Checkbox>
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item name="note" label={t('dues.profile.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
      {preview && (
        <Descriptions size="small" bordered column={1} title={t('dues.profile.preview')}>
          {preview.lines.map((l) => (
            <Descriptions.Item key={l.month} label={showMonth(l.month)}>
              {l.amount === null ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                <>
                  <strong>{formatVnd(l.amount)}</strong>{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    · {l.source}
                  </Typography.Text>
                </>
              )}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {preview && preview.failed.length > 0 && !save.error && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={t('dues.violation.title')}
          description={preview.failed.map((f) => `${f.ruleId}: ${t(`dues.violation.${f.code}`, { ...f.facts, from: typeof f.facts.from === 'string' ? showMonth(f.facts.from.slice(0, 7)) : f.facts.from })}`).filter((x, i, a) => a.indexOf(x) === i).join(' ')}
        />
      )}
    </Modal>
  );
}
