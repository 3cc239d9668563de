import { Alert, Badge, Button, Card, Flex, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { TRANSFER_BOXES, TRANSFER_KINDS, type TransferBox, type TransferKind, type TransferSummary } from '../../../common/contracts/transfers.contract.ts';
import { ApiError } from '../../api/http.ts';
import { errorText } from '../../components/api-error.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useSearchText } from '../../components/use-search-text.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { OrganizationTreeSelect } from '../members/components/organization-tree-select.tsx';
import { canTransfers } from './can-transfers.ts';
import { TransferStatusTag } from './components/transfer-status-tag.tsx';
import { type TransferListParams, useTransferList } from './queries/use-transfer-list.ts';
import { destinationName, originName, OVERDUE_ROW_STYLE, rememberTransferListQuery } from './transfer-labels.ts';

const PAGE_SIZES = [20, 50, 100];

/**
 * The list's state lives in the URL (?box=&org=&kind=&q=&page=&size=); a search text with digits (a citizen id) stays
 * in the page's memory and goes in a POST body (useSearchText, security.md item 25).
 */
function readParams(sp: URLSearchParams): Omit<TransferListParams, 'q'> {
  const num = (k: string) => {
    const n = Number(sp.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const box = sp.get('box') as TransferBox | null;
  const kind = sp.get('kind') as TransferKind | null;
  const size = num('size');
  return {
    box: box && TRANSFER_BOXES.includes(box) ? box : 'incoming',
    organizationId: num('org'),
    kind: kind && TRANSFER_KINDS.includes(kind) ? kind : undefined,
    page: num('page') ?? 1,
    pageSize: size && PAGE_SIZES.includes(size) ? size : 20,
  };
}

export function TransferListPage() {
  const me = useCurrentUser();
  if (!canTransfers.list(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  return <TransferListView />;
}

function TransferListView() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('transfers.title'));
  const [sp, setSp] = useSearchParams();
  const searchText = useSearchText(sp, setSp);
  const params: TransferListParams = { ...readParams(sp), q: searchText.q };
  const list = useTransferList(params);
  const [q, setQ] = useState(params.q ?? '');
  useEffect(() => setQ(params.q ?? ''), [params.q]);
  const search = searchText.linkable;
  useEffect(() => rememberTransferListQuery(search), [search]);

  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '' || (k === 'page' && v === 1) || (k === 'size' && v === 20)) next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setSp(next);
  };

  const columns: ColumnsType<TransferSummary> = [
    {
      title: t('transfers.col.member'),
      key: 'member',
      width: 220,
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Link to={`/transfers/${r.id}`} style={{ fontWeight: 500 }}>
            {r.member.fullName}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('transfers.bornOn', { date: showDate(r.member.birthDate) })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('transfers.col.kind'),
      key: 'kind',
      width: 170,
      render: (_, r) => (
        <Flex vertical gap={2} align="flex-start">
          <Tag color={r.kind === 'official' ? 'geekblue' : 'cyan'}>{t(`transfers.kind.${r.kind}`)}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.kind === 'temporary' && r.temporaryFrom && r.temporaryTo
              ? `${showDate(r.temporaryFrom)} – ${showDate(r.temporaryTo)}`
              : r.trigger
                ? t(`transfers.trigger.${r.trigger}`)
                : t(`transfers.direction.${r.direction}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('transfers.col.route'),
      key: 'route',
      render: (_, r) => (
        <Flex vertical gap={2}>
          <span>{originName(t, r)}</span>
          <span>
            → <strong>{destinationName(t, r)}</strong>
          </span>
        </Flex>
      ),
    },
    {
      title: t('transfers.col.letter'),
      key: 'letter',
      width: 190,
      render: (_, r) => t('transfers.letterOn', { number: r.letterNumber, date: showDate(r.issuedOn) }),
    },
    {
      title: t('transfers.col.presentationDue'),
      key: 'due',
      width: 150,
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Typography.Text strong={r.status === 'overdue'} type={r.status === 'overdue' ? 'danger' : undefined}>
            {showDate(r.presentationDue)}
          </Typography.Text>
          {r.receivedOn && (
            <Typography.Text type={r.receivedLate ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
              {t('transfers.receivedOnShort', { date: showDate(r.receivedOn) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('transfers.col.status'),
      key: 'status',
      width: 190,
      render: (_, r) => (
        <Space size={4} wrap>
          <TransferStatusTag status={r.status} />
          {r.receivedLate && <Tag color="orange">{t('transfers.late.received')}</Tag>}
          {r.startedLate && <Tag color="orange">{t('transfers.late.started')}</Tag>}
        </Space>
      ),
    },
  ];

  const counts = list.data?.counts;
  const tabLabel = (box: TransferBox) => {
    const n = box === 'all' ? 0 : (counts?.[box] ?? 0);
    return (
      <Space size={6}>
        {t(`transfers.tab.${box}`)}
        {n > 0 && <Badge count={n} color={box === 'overdue' ? '#cf1322' : '#8c8c8c'} overflowCount={999} />}
      </Space>
    );
  };
  const total = list.data?.total ?? 0;

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" gap={16} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('transfers.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('transfers.lead', { name: list.data?.organization.name ?? me.organization.name })}</Typography.Text>
        </div>
        {canTransfers.manage(me.role) && (
          <Space wrap>
            <Link to="/transfers/incoming/new">
              <Button size="large">{t('transfers.registerIncoming')}</Button>
            </Link>
            <Link to="/transfers/new">
              <Button type="primary" size="large">
                + {t('transfers.issue')}
              </Button>
            </Link>
          </Space>
        )}
      </Flex>

      <Card size="small">
        <Flex vertical gap={12}>
          <Input.Search
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => update({ q: searchText.submit(v) })}
            placeholder={t('transfers.searchPlaceholder')}
            enterButton={t('common.search')}
            allowClear
            size="large"
            maxLength={100}
            aria-label={t('common.search')}
          />
          <Flex gap={12} wrap align="center">
            <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
              <Typography.Text type="secondary">{t('transfers.filter.kind')}</Typography.Text>
              <Select<TransferKind>
                value={params.kind}
                onChange={(v) => update({ kind: v })}
                allowClear
                placeholder={t('common.all')}
                style={{ width: 160 }}
                options={TRANSFER_KINDS.map((k) => ({ value: k, label: t(`transfers.kind.${k}`) }))}
              />
            </label>
            <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minWidth: 420 }}>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {t('transfers.filter.organization')}
              </Typography.Text>
              <OrganizationTreeSelect value={params.organizationId} onChange={(v) => update({ org: v })} placeholder={me.organization.name} style={{ width: 340 }} />
            </label>
          </Flex>
        </Flex>
      </Card>

      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}

      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Tabs
          activeKey={params.box}
          onChange={(box) => update({ box: box === 'incoming' ? undefined : box })}
          tabBarStyle={{ paddingInline: 16, marginBottom: 0 }}
          items={(['incoming', 'outgoing', 'overdue', 'all'] as const).map((box) => ({ key: box, label: tabLabel(box) }))}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 16px' }}>
          {t(`transfers.tabHelp.${params.box}`)} {list.data ? `· ${t('transfers.count', { total })}` : ''}
        </Typography.Paragraph>
        <Table<TransferSummary>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          size="middle"
          onRow={(r) => ({ style: r.status === 'overdue' ? OVERDUE_ROW_STYLE : undefined })}
          locale={{ emptyText: t('transfers.empty') }}
          scroll={{ x: 1100 }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (n, [from, to]) => t('transfers.range', { from, to, total: n }),
            onChange: (page, size) => update(size !== params.pageSize ? { size, page: 1 } : { page }),
            style: { paddingInline: 16 },
          }}
        />
      </Card>
    </Flex>
  );
}
