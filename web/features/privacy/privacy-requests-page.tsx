import { canPrivacy } from './can-privacy.ts';
import { Alert, App as AntApp, Button, Card, Flex, Form, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useDeferredValue, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  PRIVACY_REQUEST_PERIODS,
  type PrivacyRequest,
  REQUEST_FILTERS,
  REQUEST_KINDS,
  REQUEST_OUTCOMES,
  type RequestFilter,
  type RequestKind,
  type RequestOutcome,
} from '../../../common/contracts/privacy.contract.ts';
import { ApiError } from '../../api/http.ts';
import { errorText } from '../../components/api-error.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { showDate, todayIso } from '../../components/dates.ts';
import { IsoDatePicker } from '../../components/iso-date-picker.tsx';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { useAcknowledgePrivacyRequest } from './queries/use-acknowledge-privacy-request.ts';
import { useCreatePrivacyRequest } from './queries/use-create-privacy-request.ts';
import { useDownloadPersonalData } from './queries/use-download-personal-data.ts';
import { usePrivacyMemberOptions } from './queries/use-privacy-member-options.ts';
import { usePrivacyRequests } from './queries/use-privacy-requests.ts';
import { useRespondPrivacyRequest } from './queries/use-respond-privacy-request.ts';

const PAGE_SIZES = [20, 50, 100];

type Modal = { kind: 'create' } | { kind: 'acknowledge'; request: PrivacyRequest } | { kind: 'respond'; request: PrivacyRequest } | null;

/** Page "Yêu cầu về dữ liệu cá nhân" (/privacy): requests of members of the user's subtree with their due dates. */
export function PrivacyRequestsPage() {
  const me = useCurrentUser();
  if (!canPrivacy.manage(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  return <PrivacyRequestsView />;
}

function readParams(sp: URLSearchParams) {
  const status = sp.get('status') as RequestFilter | null;
  const page = Number(sp.get('page'));
  const size = Number(sp.get('size'));
  return {
    status: status && REQUEST_FILTERS.includes(status) ? status : 'open',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZES.includes(size) ? size : 20,
  };
}

function PrivacyRequestsView() {
  const t = useT();
  const { message } = AntApp.useApp();
  usePageTitle(t('privacy.title'));
  const [sp, setSp] = useSearchParams();
  const params = readParams(sp);
  const list = usePrivacyRequests(params);
  const download = useDownloadPersonalData();
  const [modal, setModal] = useState<Modal>(null);

  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || (k === 'page' && v === 1) || (k === 'size' && v === 20) || (k === 'status' && v === 'open')) next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setSp(next);
  };

  const onDownload = (r: PrivacyRequest) =>
    download.mutate(r.member.id, {
      onSuccess: () => void message.success(t('privacy.downloaded', { name: r.member.fullName })),
      onError: (err) => void message.error(errorText(t, err)),
    });

  const columns: ColumnsType<PrivacyRequest> = [
    {
      title: t('privacy.col.member'),
      key: 'member',
      render: (_, r) => (
        <Flex vertical gap={2}>
          <span style={{ fontWeight: 500 }}>{r.member.fullName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.member.organization.name}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('privacy.col.kind'),
      key: 'kind',
      width: 190,
      render: (_, r) => (
        <Flex vertical gap={2} align="flex-start">
          <Tag color={r.kind === 'access' ? 'geekblue' : 'purple'}>{t(`privacy.kind.${r.kind}`)}</Tag>
          {r.requesterNote && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: r.requesterNote }}>
              {r.requesterNote}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('privacy.col.received'), key: 'received', width: 110, render: (_, r) => showDate(r.receivedOn) },
    {
      title: t('privacy.col.acknowledgeDue'),
      key: 'acknowledgeDue',
      width: 150,
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Typography.Text type={r.acknowledgeLate ? 'danger' : undefined} strong={r.acknowledgeLate && r.acknowledgedOn === null}>
            {showDate(r.acknowledgeDue)}
          </Typography.Text>
          {r.acknowledgedOn && (
            <Typography.Text type={r.acknowledgeLate ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
              {t('privacy.acknowledgedOn', { date: showDate(r.acknowledgedOn) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('privacy.col.respondDue'),
      key: 'respondDue',
      width: 150,
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Typography.Text type={r.respondLate ? 'danger' : undefined} strong={r.respondLate && r.respondedOn === null}>
            {showDate(r.respondDue)}
          </Typography.Text>
          {r.respondedOn && (
            <Typography.Text type={r.respondLate ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
              {t('privacy.respondedOn', { date: showDate(r.respondedOn) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('privacy.col.status'),
      key: 'status',
      width: 200,
      render: (_, r) => (
        <Space size={4} wrap>
          <Tag color={r.status === 'responded' ? 'green' : r.status === 'awaiting_response' ? 'blue' : 'gold'}>{t(`privacy.status.${r.status}`)}</Tag>
          {r.overdue && <Tag color="red">{t('privacy.overdue')}</Tag>}
          {r.status === 'responded' && r.outcome && <Tag color={r.outcome === 'refused' ? 'volcano' : 'default'}>{t(`privacy.outcome.${r.outcome}`)}</Tag>}
          {r.status === 'responded' && r.respondLate && <Tag color="orange">{t('privacy.late.respond')}</Tag>}
          {r.status !== 'awaiting_acknowledgement' && r.acknowledgeLate && <Tag color="orange">{t('privacy.late.acknowledge')}</Tag>}
          {r.exportProducedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('privacy.exportProducedAt', { time: dayjs(r.exportProducedAt).format('DD/MM/YYYY HH:mm') })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('privacy.col.actions'),
      key: 'actions',
      width: 190,
      render: (_, r) => (
        <Flex vertical gap={4} align="flex-start">
          {r.status === 'awaiting_acknowledgement' && (
            <Button size="small" type="primary" onClick={() => setModal({ kind: 'acknowledge', request: r })}>
              {t('privacy.acknowledge')}
            </Button>
          )}
          {r.status === 'awaiting_response' && (
            <Button size="small" type="primary" onClick={() => setModal({ kind: 'respond', request: r })}>
              {t('privacy.respond')}
            </Button>
          )}
          {r.kind === 'access' && (
            <Button size="small" loading={download.isPending && download.variables === r.member.id} onClick={() => onDownload(r)}>
              {t('privacy.download')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  const summary = list.data?.summary;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('privacy.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setModal({ kind: 'create' })}>
          {t('privacy.new')}
        </Button>
      </Flex>
      <Alert
        type="info"
        showIcon
        title={t('privacy.help', { ackDays: PRIVACY_REQUEST_PERIODS.acknowledgeWorkingDays, respondDays: PRIVACY_REQUEST_PERIODS.respondCalendarDays })}
      />
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Segmented<RequestFilter>
            value={params.status}
            onChange={(v) => update({ status: v })}
            options={REQUEST_FILTERS.map((f) => ({ value: f, label: t(`privacy.filter.${f}`) }))}
          />
          {summary && (
            <Space size={4} wrap>
              <Tag>{t('privacy.summary.open', { n: summary.open })}</Tag>
              <Tag color={summary.overdue > 0 ? 'red' : undefined}>{t('privacy.summary.overdue', { n: summary.overdue })}</Tag>
              <Tag color={summary.closedLate > 0 ? 'orange' : undefined}>{t('privacy.summary.closedLate', { n: summary.closedLate })}</Tag>
            </Space>
          )}
        </Flex>
        {list.isError ? (
          <PageError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<PrivacyRequest>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            locale={{ emptyText: t('privacy.empty') }}
            scroll={{ x: 1000 }}
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: list.data?.total ?? 0,
              pageSizeOptions: PAGE_SIZES,
              showSizeChanger: true,
              onChange: (page, size) => update(size !== params.pageSize ? { size, page: 1 } : { page }),
            }}
          />
        )}
      </Card>
      {modal?.kind === 'create' && <CreateRequestModal onClose={() => setModal(null)} />}
      {modal?.kind === 'acknowledge' && <AcknowledgeModal request={modal.request} onClose={() => setModal(null)} />}
      {modal?.kind === 'respond' && (
        <RespondModal request={modal.request} onDownload={() => onDownload(modal.request)} downloading={download.isPending} onClose={() => setModal(null)} />
      )}
    </Space>
  );
}

/** Members of the user's subtree by name (diacritics ignored by the API), former members included. */
function PrivacyMemberSelect({ id, value, onChange }: { id?: string; value?: number; onChange?: (v: number | undefined) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDeferredValue(text.trim());
  const members = usePrivacyMemberOptions(q);
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.fullName, m }))}
      optionRender={(o) => {
        const m = (o.data as { m: { fullName: string; birthDate: string; organization: { name: string } } }).m;
        return (
          <span>
            {m.fullName}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              · {showDate(m.birthDate)} · {m.organization.name}
            </Typography.Text>
          </span>
        );
      }}
      loading={members.isFetching}
      placeholder={t('privacy.f.memberPlaceholder')}
      notFoundContent={t('privacy.f.noMember')}
      style={{ width: '100%' }}
    />
  );
}

type CreateValues = { memberId: number; kind: RequestKind; receivedOn: string; requesterNote?: string };

function CreateRequestModal({ onClose }: { onClose(): void }) {
  const t = useT();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreatePrivacyRequest();
  const required = [{ required: true, message: t('field.required') }];
  return (
    <FormModal<CreateValues>
      title={t('privacy.new.title')}
      form={form}
      initialValues={{ kind: 'access', receivedOn: todayIso() }}
      onClose={onClose}
      onSubmit={(v) => create.mutateAsync({ ...v, requesterNote: v.requesterNote ?? null })}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('privacy.new.help')} />
      <Form.Item name="memberId" label={t('privacy.f.member')} rules={required}>
        <PrivacyMemberSelect />
      </Form.Item>
      <Form.Item name="kind" label={t('privacy.f.kind')} rules={required}>
        <Select options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`privacy.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="receivedOn" label={t('privacy.f.receivedOn')} rules={required}>
        <IsoDatePicker maxDate={todayIso()} />
      </Form.Item>
      <Form.Item name="requesterNote" label={t('privacy.f.requesterNote')}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

function AcknowledgeModal({ request, onClose }: { request: PrivacyRequest; onClose(): void }) {
  const t = useT();
  const [form] = Form.useForm<{ acknowledgedOn: string }>();
  const acknowledge = useAcknowledgePrivacyRequest();
  return (
    <FormModal<{ acknowledgedOn: string }>
      title={t('privacy.acknowledge.title', { name: request.member.fullName })}
      okText={t('privacy.acknowledge')}
      form={form}
      initialValues={{ acknowledgedOn: todayIso() }}
      onClose={onClose}
      onSubmit={(v) => acknowledge.mutateAsync({ id: request.id, version: request.version, ...v })}
    >
      <Typography.Paragraph type="secondary">
        {t(`privacy.kind.${request.kind}`)} · {t('privacy.col.received')}: {showDate(request.receivedOn)} · {t('privacy.col.acknowledgeDue')}:{' '}
        {showDate(request.acknowledgeDue)}
      </Typography.Paragraph>
      <Form.Item name="acknowledgedOn" label={t('privacy.f.acknowledgedOn')} rules={[{ required: true, message: t('field.required') }]}>
        <IsoDatePicker maxDate={todayIso()} />
      </Form.Item>
    </FormModal>
  );
}

type RespondValues = { respondedOn: string; outcome: RequestOutcome; responseNote?: string };

function RespondModal({ request, onClose, onDownload, downloading }: { request: PrivacyRequest; onClose(): void; onDownload(): void; downloading: boolean }) {
  const t = useT();
  const [form] = Form.useForm<RespondValues>();
  const respond = useRespondPrivacyRequest();
  const outcome = Form.useWatch('outcome', form);
  return (
    <FormModal<RespondValues>
      title={t('privacy.respond.title', { name: request.member.fullName })}
      okText={t('privacy.respond')}
      form={form}
      initialValues={{ respondedOn: todayIso(), outcome: 'fulfilled' }}
      onClose={onClose}
      onSubmit={(v) => respond.mutateAsync({ id: request.id, version: request.version, ...v, responseNote: v.responseNote ?? null })}
    >
      <Typography.Paragraph type="secondary">
        {t(`privacy.kind.${request.kind}`)} · {t('privacy.col.received')}: {showDate(request.receivedOn)} · {t('privacy.col.respondDue')}:{' '}
        {showDate(request.respondDue)}
      </Typography.Paragraph>
      {request.kind === 'access' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('privacy.respond.accessHelp')}
          action={
            <Button size="small" onClick={onDownload} loading={downloading}>
              {t('privacy.download')}
            </Button>
          }
        />
      )}
      <Form.Item name="respondedOn" label={t('privacy.f.respondedOn')} rules={[{ required: true, message: t('field.required') }]}>
        <IsoDatePicker maxDate={todayIso()} />
      </Form.Item>
      <Form.Item name="outcome" label={t('privacy.f.outcome')} rules={[{ required: true, message: t('field.required') }]}>
        <Select options={REQUEST_OUTCOMES.map((o) => ({ value: o, label: t(`privacy.outcome.${o}`) }))} />
      </Form.Item>
      <Form.Item
        name="responseNote"
        label={t('privacy.f.responseNote')}
        extra={t('privacy.f.responseNoteHelp')}
        rules={outcome === 'refused' ? [{ required: true, whitespace: true, message: t('field.privacy_refusal_reason_required') }] : []}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}
