import { Badge, Button, Card, Checkbox, Flex, Input, Segmented, Skeleton, Table, Tag, Typography, Alert } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AdmissionCard } from '../../../common/contracts/admission.contract.ts';
import { ApiError } from '../../api/http.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useSearchText } from '../../components/use-search-text.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { OrganizationTreeSelect } from '../members/components/organization-tree-select.tsx';
import { canAdmission, MAIN_STEPS, statusText } from './admission-labels.ts';
import { OpenCaseModal } from './components/open-case-modal.tsx';
import { useAdmissionList } from './queries/use-admission-list.ts';

const OPEN_COLUMNS = MAIN_STEPS.filter((s) => s !== 'official');
const ALL_COLUMNS = [...MAIN_STEPS, 'refused', 'struck_from_probation'];

export function AdmissionBoardPage() {
  const me = useCurrentUser();
  if (!canAdmission.read(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  return <Board />;
}

function DueTag({ c }: { c: AdmissionCard }) {
  const t = useT();
  if (!c.dueAt) return null;
  return (
    <Tag color={c.isOverdue ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
      {c.isOverdue ? `${t('adm.overdueTag')} · ` : ''}
      {t('adm.due', { date: showDate(c.dueAt) })}
    </Tag>
  );
}

/** Cases by step: a column per step with its count; cards with the name, the cell and the due date (red when overdue). */
function Board() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('adm.title'));
  const [sp, setSp] = useSearchParams();
  const [openModal, setOpenModal] = useState(false);
  // A name search lives in the URL; a text with digits (a citizen id) only in memory, sent by POST (security.md item 25).
  const searchText = useSearchText(sp, setSp);
  const [q, setQ] = useState(searchText.q ?? '');
  const view = sp.get('view') === 'list' ? 'list' : 'board';
  const scope = sp.get('scope') === 'all' ? 'all' : 'open';
  const org = Number(sp.get('org')) || undefined;
  const list = useAdmissionList({ organizationId: org, scope, q: searchText.q });
  const update = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(sp);
    if (v) next.set(k, v);
    else next.delete(k);
    setSp(next, { replace: true });
  };
  const columns = scope === 'all' ? ALL_COLUMNS : OPEN_COLUMNS;
  const items = list.data?.items ?? [];
  const total = Object.values(list.data?.counts ?? {}).reduce((a, b) => a + b, 0);

  const tableColumns: ColumnsType<AdmissionCard> = [
    { title: t('adm.f.name'), dataIndex: 'fullName', render: (n: string, c) => <Link to={`/admissions/${c.id}`}>{n}</Link> },
    { title: t('adm.f.birthDate'), dataIndex: 'birthDate', width: 120, render: showDate },
    { title: t('adm.cell'), dataIndex: ['cell', 'name'] },
    { title: t('adm.currentStep'), dataIndex: 'status', width: 210, render: (s: string) => statusText(t, s) },
    { title: t('adm.dueAt'), key: 'due', width: 220, render: (_, c) => <DueTag c={c} /> },
    { title: t('adm.openedOn'), dataIndex: 'openedOn', width: 120, render: showDate },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('adm.title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('adm.subtitle')} · {t('adm.count', { n: total })}
          </Typography.Text>
        </div>
        {canAdmission.manage(me.role) && (
          <Button type="primary" size="large" onClick={() => setOpenModal(true)}>
            + {t('adm.open')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <Flex gap={12} wrap align="center">
          <Segmented
            value={view}
            onChange={(v) => update('view', v === 'list' ? 'list' : undefined)}
            options={[
              { value: 'board', label: t('adm.board') },
              { value: 'list', label: t('adm.list') },
            ]}
          />
          <OrganizationTreeSelect value={org} onChange={(v) => update('org', v ? String(v) : undefined)} placeholder={t('adm.organization')} style={{ width: 320 }} />
          <Input.Search
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => update('q', searchText.submit(v))}
            placeholder={t('adm.search')}
            allowClear
            style={{ width: 280 }}
            aria-label={t('adm.search')}
          />
          <Checkbox checked={scope === 'all'} onChange={(e) => update('scope', e.target.checked ? 'all' : undefined)}>
            {t('adm.showClosed')}
          </Checkbox>
        </Flex>
      </Card>
      {list.data?.truncated && <Alert type="warning" showIcon title={t('adm.truncated')} />}
      {list.isError ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Skeleton active />
      ) : view === 'list' ? (
        <Table<AdmissionCard> rowKey="id" size="middle" columns={tableColumns} dataSource={items} pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: t('adm.empty') }} />
      ) : (
        // One tile per step, wrapping to the screen's width, so the whole pipeline is in view.
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 12, alignItems: 'start' }}>
          {columns.map((status, index) => {
            const cards = items.filter((c) => c.status === status);
            const count = list.data?.counts[status] ?? 0;
            const overdue = cards.filter((c) => c.isOverdue).length;
            return (
              <section key={status} style={{ background: '#f5f5f5', borderRadius: 6, padding: 8, minHeight: 96 }} aria-label={statusText(t, status)}>
                <Flex justify="space-between" align="center" style={{ padding: '2px 4px 8px' }}>
                  <Typography.Text strong style={{ fontSize: 13 }}>
                    {index + 1}. {statusText(t, status)}
                  </Typography.Text>
                  <Flex gap={4}>
                    {overdue > 0 && <Badge count={overdue} color="#cf1322" title={t('adm.overdueTag')} />}
                    <Badge count={count} showZero color={count ? '#595959' : '#bfbfbf'} />
                  </Flex>
                </Flex>
                <Flex vertical gap={8}>
                  {cards.length === 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12, padding: '0 4px' }}>
                      {t('adm.empty')}
                    </Typography.Text>
                  )}
                  {cards.map((c) => (
                    <Link key={c.id} to={`/admissions/${c.id}`}>
                      <Card size="small" hoverable style={{ borderLeft: `4px solid ${c.isOverdue ? '#cf1322' : '#b71c1c33'}` }} styles={{ body: { padding: 10 } }}>
                        <Flex vertical gap={4}>
                          <Typography.Text strong>{c.fullName}</Typography.Text>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                            {c.cell.name}
                          </Typography.Text>
                          <div>
                            <DueTag c={c} />
                          </div>
                        </Flex>
                      </Card>
                    </Link>
                  ))}
                </Flex>
              </section>
            );
          })}
        </div>
      )}
      <OpenCaseModal open={openModal} onClose={() => setOpenModal(false)} />
    </Flex>
  );
}
