import { Alert, App, Button, Col, Flex, Form, Input, Modal, Row, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import type { MinimumWage } from '../../../../common/contracts/dues.contract.ts';
import { WAGE_REGIONS } from '../../../../common/rules/dues-rule-sets.ts';
import { applyFieldErrors } from '../../../components/api-error.ts';
import { showDate } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { PageError } from '../../../components/page-error.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useCurrentUser } from '../../auth/use-current-user.ts';
import { canDues } from '../can-dues.ts';
import { formatVnd } from '../money.ts';
import { type MinimumWageBody, useAddMinimumWage } from '../queries/use-add-minimum-wage.ts';
import { useMinimumWages } from '../queries/use-minimum-wages.ts';
import { MoneyInput } from './money-input.tsx';
import { DuesErrorAlert } from './violation-list.tsx';

/** The regional minimum wage table (effective-dated): 01-QĐ/TW's base for members without insurance or pension. */
export function WagesTab() {
  const t = useT();
  const me = useCurrentUser();
  const wages = useMinimumWages();
  const [adding, setAdding] = useState(false);
  if (wages.isPending) return <Skeleton active />;
  if (wages.isError) return <PageError error={wages.error} onRetry={() => void wages.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon title={t('dues.wages.hint')} />
      <Table<MinimumWage>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...wages.data.items].reverse()}
        columns={[
          { title: t('dues.wages.effectiveFrom'), dataIndex: 'effectiveFrom', width: 120, render: (d: string) => <strong>{showDate(d)}</strong> },
          ...WAGE_REGIONS.map((r) => ({
            title: t('dues.wages.region', { region: r }),
            key: r,
            align: 'right' as const,
            render: (_: unknown, w: MinimumWage) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatVnd(w.monthlyVnd[r])}</span>,
          })),
          { title: t('dues.wages.source'), dataIndex: 'source' },
          { title: '', dataIndex: 'createdBy', width: 110, render: (by: string | null) => (by ? by : <Tag>{t('dues.wages.seeded')}</Tag>) },
        ]}
      />
      {canDues.manageWages(me.role) && (
        <Button style={{ alignSelf: 'flex-start' }} onClick={() => setAdding(true)}>
          {t('dues.wages.add')}
        </Button>
      )}
      <AddWageModal open={adding} onClose={() => setAdding(false)} />
    </Flex>
  );
}

function AddWageModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<MinimumWageBody>();
  const add = useAddMinimumWage();
  const required = { required: true, message: t('field.required') };
  const onOk = async () => {
    const v = await form.validateFields();
    add.mutate(v, {
      onSuccess: () => {
        void message.success(t('dues.wages.saved'));
        onClose();
      },
      onError: (err) => applyFieldErrors(form, t, err),
    });
  };
  return (
    <Modal
      open={open}
      width={640}
      title={t('dues.wages.addTitle')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      destroyOnHidden
      afterOpenChange={(o) => (o ? add.reset() : undefined)}
    >
      <DuesErrorAlert error={add.error} />
      <Form<MinimumWageBody> form={form} layout="vertical" preserve={false} requiredMark="optional">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="effectiveFrom" label={t('dues.wages.effectiveFrom')} rules={[required]}>
              <IsoDatePicker />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="source" label={t('dues.wages.source')} rules={[required]}>
              <Input maxLength={200} placeholder="Nghị định …/…/NĐ-CP" />
            </Form.Item>
          </Col>
          {WAGE_REGIONS.map((r) => (
            <Col span={6} key={r}>
              <Form.Item name={['monthlyVnd', r]} label={t('dues.wages.region', { region: r })} rules={[required]}>
                <MoneyInput min={1} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
