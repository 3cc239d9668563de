import { App, Button, Card, Checkbox, Empty, Flex, Form, Input, Modal, Segmented, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DISCIPLINE_OUTCOMES, type Referral, type RemovalSummary } from '../../../common/contracts/removal.contract.ts';
import { ApiError } from '../../api/http.ts';
import { applyFieldErrors, errorText } from '../../components/api-error.ts';
import { IsoDatePicker } from '../../components/iso-date-picker.tsx';
import { showDate, todayIso } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { OrganizationTreeSelect } from '../members/components/organization-tree-select.tsx';
import { canRemoval } from './can-removal.ts';
import { OpenCaseModal } from './components/open-case-modal.tsx';
import { RuleErrorAlert } from './components/rule-checklist.tsx';
import { useMemberOptions } from './queries/use-member-options.ts';
import { useConcludeReferral, useCreateReferral, useReferrals } from './queries/use-referrals.ts';
import { useRemovalCases } from './queries/use-removal-cases.ts';
import { FORM_COLOR, STATUS_COLOR } from './removal-labels.ts';

/** '/removal': the removal cases of a subtree, and the discipline referrals that bear on them (R-RMV-04/05). */
export function RemovalListPage() {
  const me = useCurrentUser();
  const t = useT();
  usePageTitle(t('removal.title'));
  if (!canRemoval.read(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  return <RemovalListView />;
}

function RemovalListView() {
  const t = useT();
  const me = useCurrentUser();
  const [sp, setSp] = useSearchParams();
  const organizationId = Number(sp.get('org')) || me.organization.id;
  const tab = sp.get('tab') === 'referrals' ? 'referrals' : 'cases';
  const set = (k: string, v: string | number | undefined) => {
    const next = new URLSearchParams(sp);
    if (v === undefined || v === '') next.delete(k);
    else next.set(k, String(v));
    setSp(next, { replace: true });
  };
  const [opening, setOpening] = useState<null | { memberId: number; memberName: string; form: 'expelled'; referralId: number } | 'new'>(null);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('removal.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('removal.subtitle')}</Typography.Text>
        </div>
        {canRemoval.manage(me.role) && (
          <Button type="primary" size="large" onClick={() => setOpening('new')}>
            + {t('removal.newCase')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <Typography.Text type="secondary">{t('screening.scope')}</Typography.Text>
          <OrganizationTreeSelect value={organizationId} onChange={(v) => set('org', v)} allowClear={false} style={{ width: 380 }} />
        </label>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => set('tab', k === 'cases' ? undefined : k)}
        items={[
          { key: 'cases', label: t('removal.tab.cases'), children: <CasesTab organizationId={organizationId} /> },
          {
            key: 'referrals',
            label: t('removal.tab.referrals'),
            children: <ReferralsTab organizationId={organizationId} onOpenExpulsion={(r) => setOpening({ memberId: r.member.id, memberName: r.member.fullName, form: 'expelled', referralId: r.id })} />,
          },
        ]}
      />
      <OpenCaseModal organizationId={organizationId} open={opening !== null} onClose={() => setOpening(null)} preset={opening !== null && opening !== 'new' ? opening : undefined} />
    </Flex>
  );
}

function CasesTab({ organizationId }: { organizationId: number }) {
  const t = useT();
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('open');
  const cases = useRemovalCases(organizationId, status);
  const columns: ColumnsType<RemovalSummary> = [
    { title: '#', key: 'id', width: 70, render: (_, c) => <Link to={`/removal/cases/${c.id}`}>#{c.id}</Link> },
    {
      title: t('removal.col.member'),
      key: 'member',
      width: 210,
      render: (_, c) => (
        <Flex vertical gap={0}>
          <Link to={`/removal/cases/${c.id}`}>{c.member.fullName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {showDate(c.member.birthDate)}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('removal.col.organization'), key: 'org', width: 190, render: (_, c) => c.organization.name },
    { title: t('removal.col.form'), key: 'form', width: 150, render: (_, c) => <Tag color={FORM_COLOR[c.form]}>{t(`removal.form.${c.form}`)}</Tag> },
    { title: t('removal.col.grounds'), key: 'grounds', render: (_, c) => c.grounds.map((g) => t(`removal.ground.${g}`)).join('; ') },
    { title: t('removal.col.status'), key: 'status', width: 220, render: (_, c) => <Tag color={STATUS_COLOR[c.status]}>{t(`removal.status.${c.status}`)}</Tag> },
    { title: t('removal.col.openedOn'), key: 'opened', width: 110, render: (_, c) => showDate(c.openedOn) },
    { title: t('removal.col.decidedOn'), key: 'decided', width: 130, render: (_, c) => showDate(c.decidedOn) },
  ];
  return (
    <Flex vertical gap={12}>
      <Segmented<'open' | 'closed' | 'all'>
        value={status}
        onChange={setStatus}
        options={[
          { value: 'open', label: t('removal.list.open') },
          { value: 'closed', label: t('removal.list.closed') },
          { value: 'all', label: t('removal.list.all') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {cases.isError ? (
        <PageError error={cases.error} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<RemovalSummary>
            rowKey="id"
            columns={columns}
            dataSource={cases.data?.items ?? []}
            loading={cases.isFetching}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            size="middle"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('removal.list.empty')} /> }}
            scroll={{ x: 1100 }}
          />
        </Card>
      )}
    </Flex>
  );
}

function ReferralsTab({ organizationId, onOpenExpulsion }: { organizationId: number; onOpenExpulsion: (r: Referral) => void }) {
  const t = useT();
  const me = useCurrentUser();
  const referrals = useReferrals(organizationId);
  const [creating, setCreating] = useState(false);
  const [concluding, setConcluding] = useState<Referral | null>(null);
  const columns: ColumnsType<Referral> = [
    { title: t('removal.col.member'), key: 'member', width: 200, render: (_, r) => <Link to={`/members/${r.member.id}`}>{r.member.fullName}</Link> },
    { title: t('removal.col.organization'), key: 'org', width: 180, render: (_, r) => r.organization.name },
    { title: t('removal.referrals.referredOn'), key: 'on', width: 110, render: (_, r) => showDate(r.referredOn) },
    {
      title: t('removal.referrals.description'),
      key: 'desc',
      render: (_, r) => (
        <Flex vertical gap={2}>
          <span>{r.description}</span>
          {r.warrantsExpulsion && (
            <Tag color="red" style={{ alignSelf: 'flex-start' }}>
              {t('removal.referrals.warrantsExpulsion')}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      title: t('removal.referrals.outcome'),
      key: 'outcome',
      width: 220,
      render: (_, r) =>
        r.concludedOn ? (
          <span>
            {t(`removal.outcome.${r.outcome}`)} · {showDate(r.concludedOn)}
            {r.conclusionRef ? ` · ${r.conclusionRef}` : ''}
          </span>
        ) : (
          <Tag color="gold">{t('removal.referrals.pending')}</Tag>
        ),
    },
    {
      title: '',
      key: 'act',
      width: 260,
      render: (_, r) =>
        r.concludedOn ? null : (
          <Flex gap={8} wrap>
            {canRemoval.decide(me.role) && (
              <Button size="small" onClick={() => setConcluding(r)}>
                {t('removal.referrals.conclude')}
              </Button>
            )}
            {canRemoval.manage(me.role) && (
              <Button size="small" danger onClick={() => onOpenExpulsion(r)}>
                {t('removal.referrals.openExpulsion')}
              </Button>
            )}
          </Flex>
        ),
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text type="secondary">{t('removal.referrals.expulsionHint')}</Typography.Text>
        {canRemoval.manage(me.role) && <Button onClick={() => setCreating(true)}>+ {t('removal.referrals.new')}</Button>}
      </Flex>
      {referrals.isError ? (
        <PageError error={referrals.error} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<Referral>
            rowKey="id"
            columns={columns}
            dataSource={referrals.data?.items ?? []}
            loading={referrals.isFetching}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            size="middle"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('removal.referrals.empty')} /> }}
            scroll={{ x: 1100 }}
          />
        </Card>
      )}
      <CreateReferralModal organizationId={organizationId} open={creating} onClose={() => setCreating(false)} />
      {concluding && <ConcludeReferralModal referral={concluding} onClose={() => setConcluding(null)} />}
    </Flex>
  );
}

function CreateReferralModal({ organizationId, open, onClose }: { organizationId: number; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [q, setQ] = useState('');
  const options = useMemberOptions(organizationId, q, open);
  const create = useCreateReferral();
  return (
    <Modal
      open={open}
      title={t('removal.referrals.new')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      afterOpenChange={(o) => {
        if (o) {
          form.resetFields();
          form.setFieldsValue({ referredOn: todayIso(), warrantsExpulsion: false });
          create.reset();
        }
      }}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) =>
          create.mutate(
            { ...v, reference: v.reference ?? null },
            {
              onSuccess: () => {
                void message.success(t('removal.saved'));
                onClose();
              },
              onError: (err) => applyFieldErrors(form, t, err),
            },
          )
        }
      >
        <Form.Item name="memberId" label={t('removal.open.member')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t('removal.open.memberPlaceholder')}
            options={(options.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.fullName} · ${showDate(m.birthDate)} · ${m.organization.name}` }))}
          />
        </Form.Item>
        <Form.Item name="referredOn" label={t('removal.referrals.referredOn')} rules={[{ required: true }]}>
          <IsoDatePicker maxDate={todayIso()} />
        </Form.Item>
        <Form.Item name="description" label={t('removal.referrals.description')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="reference" label={t('removal.referrals.reference')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="warrantsExpulsion" valuePropName="checked">
          <Checkbox>{t('removal.referrals.warrantsExpulsion')}</Checkbox>
        </Form.Item>
      </Form>
      {create.isError && <Typography.Text type="danger">{errorText(t, create.error)}</Typography.Text>}
    </Modal>
  );
}

function ConcludeReferralModal({ referral, onClose }: { referral: Referral; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const conclude = useConcludeReferral(referral.id);
  return (
    <Modal open title={`${t('removal.referrals.conclude')}: ${referral.member.fullName}`} onOk={() => form.submit()} onCancel={onClose} confirmLoading={conclude.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ concludedOn: todayIso() }}
        onFinish={(v) => conclude.mutate({ ...v, conclusionRef: v.conclusionRef ?? null, version: referral.version }, { onSuccess: onClose, onError: (err) => applyFieldErrors(form, t, err) })}
      >
        <Form.Item name="concludedOn" label={t('removal.referrals.concludedOn')} rules={[{ required: true }]}>
          <IsoDatePicker maxDate={todayIso()} />
        </Form.Item>
        <Form.Item name="outcome" label={t('removal.referrals.outcome')} rules={[{ required: true }]} extra={t('removal.referrals.expulsionHint')}>
          <Select options={DISCIPLINE_OUTCOMES.filter((o) => o !== 'expulsion').map((o) => ({ value: o, label: t(`removal.outcome.${o}`) }))} />
        </Form.Item>
        <Form.Item name="conclusionRef" label={t('removal.referrals.conclusionRef')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      <RuleErrorAlert error={conclude.error} />
    </Modal>
  );
}
