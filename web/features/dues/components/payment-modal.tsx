import { App, Col, Form, Input, Modal, Row, Select, Table, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { PAYMENT_METHODS, type MemberDues, type PaymentMethod } from '../../../../common/contracts/dues.contract.ts';
import { todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { currentMonth, formatVnd, showMonth } from '../money.ts';
import { useRecordPayments } from '../queries/use-record-payments.ts';
import { newIdempotencyKey } from '../idempotency-key.ts';
import { MoneyInput } from './money-input.tsx';
import { DuesErrorAlert } from './violation-list.tsx';

interface Header {
  paidOn: string;
  method: PaymentMethod;
  reference?: string;
}

/**
 * A member's payment for one or more months of the year shown: the current month, arrears paid late, or months
 * ahead paid in advance; each line is recorded against the month it is for.
 */
export function PaymentModal({ open, dues, onClose }: { open: boolean; dues: MemberDues; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Header>();
  const record = useRecordPayments();
  const method = Form.useWatch('method', form);
  // Months still owing something: a fully paid month is not offered again (a correction is a reversal, not a second payment).
  const payable = useMemo(() => dues.months.filter((m) => m.balanceVnd !== null && m.balanceVnd > 0), [dues.months]);
  const [selected, setSelected] = useState<string[]>([]);
  const [amounts, setAmounts] = useState<Record<string, number | null>>({});
  const key = useRef<string>(newIdempotencyKey());

  useEffect(() => {
    if (!open) return;
    const now = currentMonth();
    const initial = payable.filter((m) => (m.balanceVnd ?? 0) > 0 && m.month <= now).map((m) => m.month);
    setSelected(initial.length ? initial.slice(-1) : payable.filter((m) => m.month >= now).slice(0, 1).map((m) => m.month));
    setAmounts(Object.fromEntries(payable.map((m) => [m.month, m.balanceVnd])));
    key.current = newIdempotencyKey();
  }, [open, payable]);

  const onOk = async () => {
    const h = await form.validateFields();
    const items = selected
      .filter((m) => (amounts[m] ?? 0) > 0)
      .sort()
      .map((forMonth) => ({ memberId: dues.member.id, forMonth, amountVnd: amounts[forMonth]!, reference: h.reference ?? '' }));
    if (items.length === 0) return;
    record.mutate(
      { idempotencyKey: key.current, paidOn: h.paidOn, method: h.method, items },
      {
        onSuccess: (r) => {
          void message.success(r.replayed ? t('dues.collection.replayed') : t('dues.collection.saved', { n: r.payments.length }));
          onClose();
        },
      },
    );
  };

  const total = selected.reduce((s, m) => s + (amounts[m] ?? 0), 0);
  return (
    <Modal
      open={open}
      width={720}
      title={`${t('dues.payment.record')} · ${dues.member.fullName}`}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('dues.collection.save', { n: selected.length })}
      okButtonProps={{ disabled: selected.length === 0 }}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      destroyOnHidden
      afterOpenChange={(o) => (o ? record.reset() : undefined)}
    >
      <DuesErrorAlert error={record.error} />
      <Form<Header> form={form} layout="vertical" preserve={false} requiredMark="optional" initialValues={{ paidOn: todayIso(), method: 'cash_to_cell' }}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="paidOn" label={t('dues.collection.paidOn')} rules={[{ required: true, message: t('field.required') }]}>
              <IsoDatePicker maxDate={todayIso()} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="method" label={t('dues.collection.method')} rules={[{ required: true, message: t('field.required') }]}>
              <Select options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`dues.method.${m}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="reference" label={t('dues.col.reference')} rules={method === 'online' ? [{ required: true, message: t('field.reference_required') }] : []}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Typography.Paragraph type="secondary">{t('dues.payment.monthsHint')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="month"
        pagination={false}
        dataSource={payable}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        columns={[
          { title: t('dues.col.month'), dataIndex: 'month', render: (m: string) => showMonth(m) },
          { title: t('dues.col.expected'), dataIndex: 'expectedVnd', align: 'right', render: (v: number) => formatVnd(v) },
          { title: t('dues.col.paid'), dataIndex: 'paidVnd', align: 'right', render: (v: number) => formatVnd(v) },
          {
            title: t('dues.payment.amountEach'),
            key: 'amount',
            width: 180,
            render: (_, m) => (
              <MoneyInput
                aria-label={`${t('dues.payment.amountEach')} ${showMonth(m.month)}`}
                value={amounts[m.month] ?? null}
                min={0}
                onChange={(v) => {
                  setAmounts((a) => ({ ...a, [m.month]: v }));
                  if (v && !selected.includes(m.month)) setSelected((s) => [...s, m.month]);
                }}
              />
            ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4} align="right">
              <strong>{t('dues.collection.staged', { n: selected.length, amount: formatVnd(total) })}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} />
          </Table.Summary.Row>
        )}
      />
    </Modal>
  );
}
