import { Alert, Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CANDIDATE_STATUSES, type CandidateList, type CandidateStatus } from '../../../common/contracts/candidates.contract.ts';
import { ApiError } from '../../api/http.ts';
import { errorText } from '../../components/api-error.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useSearchText } from '../../components/use-search-text.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { OrganizationTreeSelect } from '../members/components/organization-tree-select.tsx';
import { rememberCandidateListQuery } from './candidate-labels.ts';
import { canCandidates } from './can-candidates.ts';
import { CandidateStatusTag } from './components/candidate-status-tag.tsx';
import { type CandidateListParams, useCandidateList } from './queries/use-candidate-list.ts';

type Row = CandidateList['items'][number];
type StatusFilter = CandidateListParams['status'];

const STATUS_FILTERS: StatusFilter[] = ['all', 'open', ...CANDIDATE_STATUSES];
const PAGE_SIZES = [20, 50, 100];

/**
 * The list's state lives in the URL (?q=&status=&org=&page=&size=), so back/forward and links keep it; a search text
 * with digits (a citizen id) stays in the page's memory and goes in a POST body (useSearchText, security.md item 25).
 */
function readParams(sp: URLSearchParams): Omit<CandidateListParams, 'q'> {
  const num = (k: string) => {
    const n = Number(sp.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const status = sp.get('status') as StatusFilter | null;
  const size = num('size');
  return {
    status: status && STATUS_FILTERS.includes(status) ? status : 'all',
    organizationId: num('org'),
    page: num('page') ?? 1,
    pageSize: size && PAGE_SIZES.includes(size) ? size : 20,
  };
}

export function CandidateListPage() {
  const me = useCurrentUser();
  if (!canCandidates.read(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  return <CandidateListView />;
}

function CandidateListView() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const searchText = useSearchText(sp, setSp);
  const params: CandidateListParams = { ...readParams(sp), q: searchText.q };
  const list = useCandidateList(params);
  const [q, setQ] = useState(params.q ?? '');
  const limited = me.role === 'front_officer';
  usePageTitle(t('candidates.title'));

  useEffect(() => setQ(params.q ?? ''), [params.q]);
  const search = searchText.linkable;
  useEffect(() => rememberCandidateListQuery(search), [search]);

  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '' || (k === 'status' && v === 'all') || (k === 'page' && v === 1) || (k === 'size' && v === 20)) next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setSp(next);
  };
  const hasFilters = searchText.isHidden || ['q', 'status', 'org'].some((k) => sp.has(k));
  const clearFilters = () => {
    searchText.clear();
    setSp(new URLSearchParams());
  };

  const nameColumn: ColumnsType<Row>[number] = {
    title: t('candidates.f.fullName'),
    dataIndex: 'fullName',
    render: (name: string, r) => (
      <Link to={`/candidates/${r.id}`} style={{ fontWeight: 500 }}>
        {name}
      </Link>
    ),
  };
  const common: ColumnsType<Row> = [
    { title: t('candidates.f.organization'), dataIndex: ['organization', 'name'], ellipsis: true },
    { title: t('candidates.f.status'), dataIndex: 'status', width: 190, render: (s: CandidateStatus) => <CandidateStatusTag status={s} /> },
    { title: t('candidates.f.introducedOn'), dataIndex: 'introducedOn', width: 130, render: (d: string) => showDate(d) },
    { title: t('candidates.f.statusChangedOn'), dataIndex: 'statusChangedOn', width: 150, render: (d: string) => showDate(d) },
  ];
  const columns: ColumnsType<Row> = limited
    ? [nameColumn, ...common]
    : [
        nameColumn,
        { title: t('candidates.f.birthDate'), dataIndex: 'birthDate', width: 120, render: (d: string) => showDate(d) },
        ...common.slice(0, 3),
        {
          title: t('candidates.f.massOrganization'),
          dataIndex: 'massOrganization',
          width: 200,
          ellipsis: true,
          render: (m: string) => t(`candidates.massOrg.${m}`),
        },
        { title: t('candidates.f.helper'), dataIndex: 'helper', width: 180, ellipsis: true, render: (h: string | null) => h ?? <Typography.Text type="secondary">—</Typography.Text> },
      ];

  const total = list.data?.total ?? 0;

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" gap={16} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {limited ? t('candidates.titleMine') : t('candidates.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{list.data ? t('candidates.count', { total: total.toLocaleString('vi-VN') }) : ''}</Typography.Text>
        </div>
        {canCandidates.introduce(me.role) && (
          <Button type="primary" size="large" onClick={() => navigate('/candidates/new')}>
            + {t('candidates.introduce')}
          </Button>
        )}
      </Flex>

      {limited && <Alert type="info" showIcon title={t('candidates.limitedNotice')} />}

      <Card size="small">
        <Flex vertical gap={12}>
          <Input.Search
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => update({ q: searchText.submit(v) })}
            placeholder={t('candidates.searchPlaceholder')}
            enterButton={t('common.search')}
            allowClear
            size="large"
            maxLength={100}
            aria-label={t('common.search')}
          />
          <Flex gap={12} wrap align="center">
            <FilterLabel text={t('candidates.filter.status')}>
              <Select<StatusFilter>
                value={params.status}
                onChange={(v) => update({ status: v })}
                style={{ width: 230 }}
                options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`candidates.status.${s}`) }))}
              />
            </FilterLabel>
            <FilterLabel text={t('candidates.filter.organization')}>
              <OrganizationTreeSelect value={params.organizationId} onChange={(v) => update({ org: v })} placeholder={t('common.all')} style={{ width: 300 }} />
            </FilterLabel>
            {hasFilters && (
              <Button type="link" onClick={clearFilters}>
                {t('candidates.filter.clear')}
              </Button>
            )}
          </Flex>
        </Flex>
      </Card>

      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}

      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Row>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          size="middle"
          locale={{ emptyText: t('candidates.empty') }}
          scroll={{ x: limited ? 800 : 1080 }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (n, [from, to]) => t('candidates.range', { from, to, total: n }),
            onChange: (page, size) => update(size !== params.pageSize ? { size, page: 1 } : { page }),
            style: { paddingInline: 16 },
          }}
        />
      </Card>
    </Flex>
  );
}

function FilterLabel({ text, children }: { text: string; children: React.ReactNode }) {
  return (
    <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {text}
      </Typography.Text>
      {children}
    </label>
  );
}
