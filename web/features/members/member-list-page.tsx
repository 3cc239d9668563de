import { Alert, Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MEMBER_STATUSES, type MemberStatus } from '../../../common/contracts/members.contract.ts';
import { ApiError } from '../../api/http.ts';
import { errorText } from '../../components/api-error.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { MemberStatusTag } from '../../components/status-tag.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useSearchText } from '../../components/use-search-text.ts';
import { useT } from '../../i18n/i18n.tsx';
import { can } from '../auth/permissions.ts';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { OrganizationTreeSelect } from './components/organization-tree-select.tsx';
import { AGE_BANDS, ethnicityName, ethnicityOptions, rememberListQuery, viFilterOption } from './member-labels.ts';
import { type MemberList, type MemberListParams, useMemberList } from './queries/use-member-list.ts';

type Row = MemberList['items'][number];
type StatusFilter = MemberListParams['status'];

const STATUS_FILTERS: StatusFilter[] = ['active', 'all', ...MEMBER_STATUSES];
const PAGE_SIZES = [20, 50, 100];

/**
 * The list's state lives in the URL (?q=&status=&org=&gender=&eth=&age=&page=&size=), so back/forward and links keep it.
 * Except a search text with digits (a citizen id, part of one, a card number): security.md item 25 keeps it out of
 * URLs, history and storage, so it lives in the page's memory only and is sent in a POST body (useSearchText).
 */
function readParams(sp: URLSearchParams): Omit<MemberListParams, 'q'> & { age?: string } {
  const num = (k: string) => {
    const n = Number(sp.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const status = sp.get('status') as StatusFilter | null;
  const gender = sp.get('gender');
  const eth = sp.get('eth');
  const band = AGE_BANDS.find((b) => b.key === sp.get('age'));
  const size = num('size');
  return {
    status: status && STATUS_FILTERS.includes(status) ? status : 'active',
    organizationId: num('org'),
    gender: gender === 'male' || gender === 'female' ? gender : undefined,
    ethnicityCode: eth && /^\d{2}$/.test(eth) ? eth : undefined,
    age: band?.key,
    ageMin: band?.ageMin,
    ageMax: band?.ageMax,
    page: num('page') ?? 1,
    pageSize: size && PAGE_SIZES.includes(size) ? size : 20,
  };
}

export function MemberListPage() {
  const me = useCurrentUser();
  if (!can.listMembers(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  return <MemberList />;
}

function MemberList() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const { age, ...urlParams } = readParams(sp);
  const searchText = useSearchText(sp, setSp);
  const params: MemberListParams = { ...urlParams, q: searchText.q };
  const list = useMemberList(params);
  const [q, setQ] = useState(params.q ?? '');
  usePageTitle(t('members.title'));

  // Back/forward changes the URL under us: the search box follows it.
  useEffect(() => setQ(params.q ?? ''), [params.q]);
  const search = searchText.linkable;
  useEffect(() => rememberListQuery(search), [search]);

  /** Changes some filters; any filter change goes back to page 1 unless the page itself is set. */
  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '' || (k === 'status' && v === 'active') || (k === 'page' && v === 1) || (k === 'size' && v === 20)) next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setSp(next);
  };

  const submitSearch = (value: string) => update({ q: searchText.submit(value) });

  const clearFilters = () => {
    searchText.clear();
    setSp(new URLSearchParams());
  };

  const hasFilters = searchText.isHidden || ['q', 'status', 'org', 'gender', 'eth', 'age'].some((k) => sp.has(k));

  const columns: ColumnsType<Row> = [
    {
      title: t('members.f.fullName'),
      dataIndex: 'fullName',
      render: (name: string, r) => (
        <Link to={`/members/${r.id}`} style={{ fontWeight: 500 }}>
          {name}
        </Link>
      ),
    },
    { title: t('members.f.gender'), dataIndex: 'gender', width: 90, render: (g: string) => t(`gender.${g}`) },
    { title: t('members.f.birthDate'), dataIndex: 'birthDate', width: 120, render: (d: string) => showDate(d) },
    { title: t('members.f.ethnicity'), dataIndex: 'ethnicityCode', width: 110, render: (c: string) => ethnicityName(c) },
    { title: t('members.f.organization'), dataIndex: ['organization', 'name'], ellipsis: true },
    { title: t('members.f.status'), dataIndex: 'status', width: 150, render: (s: MemberStatus) => <MemberStatusTag status={s} /> },
    { title: t('members.f.cardNumber'), dataIndex: 'cardNumber', width: 140, render: (c: string | null) => c ?? '' },
    {
      title: t('members.f.citizenId'),
      dataIndex: 'citizenIdMasked',
      width: 150,
      render: (c: string | null) => <span style={{ fontVariantNumeric: 'tabular-nums', letterSpacing: 0.5 }}>{c ?? ''}</span>,
    },
  ];

  const total = list.data?.total ?? 0;
  const countText = list.data ? t(list.data.totalIsLowerBound ? 'members.countLowerBound' : 'members.count', { total: total.toLocaleString('vi-VN') }) : '';

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" gap={16} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('members.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{countText}</Typography.Text>
        </div>
        {can.createMember(me.role) && (
          <Button type="primary" size="large" onClick={() => navigate('/members/new')}>
            + {t('members.add')}
          </Button>
        )}
      </Flex>

      <Card size="small">
        <Flex vertical gap={12}>
          <Input.Search
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={submitSearch}
            placeholder={t('members.searchPlaceholder')}
            enterButton={t('common.search')}
            allowClear
            size="large"
            maxLength={100}
            // A typed citizen id is not kept in the browser's form history either.
            autoComplete="off"
            aria-label={t('common.search')}
          />
          <Flex gap={12} wrap align="center">
            <FilterLabel text={t('members.filter.status')}>
              <Select<StatusFilter>
                value={params.status}
                onChange={(v) => update({ status: v })}
                style={{ width: 170 }}
                options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              />
            </FilterLabel>
            <FilterLabel text={t('members.filter.organization')}>
              <OrganizationTreeSelect value={params.organizationId} onChange={(v) => update({ org: v })} placeholder={t('common.all')} style={{ width: 260 }} />
            </FilterLabel>
            <FilterLabel text={t('members.filter.gender')}>
              <Select
                value={params.gender}
                onChange={(v) => update({ gender: v })}
                allowClear
                placeholder={t('common.all')}
                style={{ width: 100 }}
                options={[
                  { value: 'male', label: t('gender.male') },
                  { value: 'female', label: t('gender.female') },
                ]}
              />
            </FilterLabel>
            <FilterLabel text={t('members.filter.ethnicity')}>
              <Select
                value={params.ethnicityCode}
                onChange={(v) => update({ eth: v })}
                allowClear
                showSearch={{ filterOption: viFilterOption }}
                placeholder={t('common.all')}
                style={{ width: 130 }}
                options={ethnicityOptions}
              />
            </FilterLabel>
            <FilterLabel text={t('members.filter.age')}>
              <Select
                value={age}
                onChange={(v) => update({ age: v })}
                allowClear
                placeholder={t('common.all')}
                style={{ width: 160 }}
                options={AGE_BANDS.map((b) => ({ value: b.key, label: t(`members.age.${b.key}`) }))}
              />
            </FilterLabel>
            {hasFilters && (
              <Button type="link" onClick={clearFilters}>
                {t('members.filter.clear')}
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
          locale={{ emptyText: t('members.empty') }}
          scroll={{ x: 1100 }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (n, [from, to]) => t('members.range', { from, to, total: list.data?.totalIsLowerBound ? `> ${n}` : n }),
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
