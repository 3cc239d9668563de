import { Alert, Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { COURSE_KINDS, type ClassList, type CourseKind } from '../../../common/contracts/training.contract.ts';
import { ApiError } from '../../api/http.ts';
import { errorText } from '../../components/api-error.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { canTraining } from './can-training.ts';
import { ClassFormModal } from './components/class-form-modal.tsx';
import { type ClassListParams, useClassList } from './queries/use-class-list.ts';
import { COURSE_KIND_COLOR } from './training-labels.ts';

type Row = ClassList['items'][number];
const PAGE_SIZES = [20, 50, 100];

function readParams(sp: URLSearchParams): ClassListParams {
  const num = (k: string) => {
    const n = Number(sp.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const kind = sp.get('kind') as CourseKind | null;
  const size = num('size');
  return {
    q: sp.get('q')?.trim() || undefined,
    courseKind: kind && COURSE_KINDS.includes(kind) ? kind : undefined,
    year: num('year'),
    page: num('page') ?? 1,
    pageSize: size && PAGE_SIZES.includes(size) ? size : 20,
  };
}

export function ClassListPage() {
  const me = useCurrentUser();
  if (!canTraining.read(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  return <ClassListView />;
}

function ClassListView() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('training.title'));
  const [sp, setSp] = useSearchParams();
  const params = readParams(sp);
  const list = useClassList(params);
  const [q, setQ] = useState(params.q ?? '');
  const [creating, setCreating] = useState(false);
  useEffect(() => setQ(params.q ?? ''), [params.q]);

  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '' || (k === 'page' && v === 1) || (k === 'size' && v === 20)) next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setSp(next);
  };

  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);

  const columns: ColumnsType<Row> = [
    {
      title: t('training.f.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Flex vertical gap={2}>
          <Link to={`/training/classes/${r.id}`} style={{ fontWeight: 500 }}>
            {name}
          </Link>
          <span>
            <Tag color={COURSE_KIND_COLOR[r.courseKind]}>{t(`training.kind.${r.courseKind}`)}</Tag>
          </span>
        </Flex>
      ),
    },
    {
      title: t('training.f.institution'),
      dataIndex: 'institution',
      ellipsis: true,
      render: (v: string, r) => (
        <Flex vertical gap={2}>
          <span>{v}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.organization.name}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('training.f.dates'), key: 'dates', width: 210, render: (_, r) => `${showDate(r.startDate)} – ${showDate(r.endDate)}` },
    { title: t('training.f.sessionCount'), dataIndex: 'sessionCount', width: 100, align: 'right' },
    { title: t('training.f.enrolled'), dataIndex: 'enrolled', width: 100, align: 'right' },
    { title: t('training.f.passed'), dataIndex: 'passed', width: 80, align: 'right' },
    { title: t('training.f.certified'), dataIndex: 'certified', width: 110, align: 'right' },
  ];

  const total = list.data?.total ?? 0;

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" gap={16} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('training.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{list.data ? t('training.count', { total }) : ''}</Typography.Text>
        </div>
        {canTraining.manage(me.role) && (
          <Button type="primary" size="large" onClick={() => setCreating(true)}>
            + {t('training.newClass')}
          </Button>
        )}
      </Flex>

      <Card size="small">
        <Flex vertical gap={12}>
          <Input.Search
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => update({ q: v.trim() || undefined })}
            placeholder={t('training.searchPlaceholder')}
            enterButton={t('common.search')}
            allowClear
            size="large"
            maxLength={100}
            aria-label={t('common.search')}
          />
          <Flex gap={12} wrap align="center">
            <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
              <Typography.Text type="secondary">{t('training.filter.kind')}</Typography.Text>
              <Select<CourseKind>
                value={params.courseKind}
                onChange={(v) => update({ kind: v })}
                allowClear
                placeholder={t('common.all')}
                style={{ width: 280 }}
                options={COURSE_KINDS.map((k) => ({ value: k, label: t(`training.kind.${k}`) }))}
              />
            </label>
            <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
              <Typography.Text type="secondary">{t('training.filter.year')}</Typography.Text>
              <Select<number>
                value={params.year}
                onChange={(v) => update({ year: v })}
                allowClear
                placeholder={t('common.all')}
                style={{ width: 120 }}
                options={years.map((y) => ({ value: y, label: String(y) }))}
              />
            </label>
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
          locale={{ emptyText: t('training.empty') }}
          scroll={{ x: 1100 }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (n, [from, to]) => t('training.range', { from, to, total: n }),
            onChange: (page, size) => update(size !== params.pageSize ? { size, page: 1 } : { page }),
            style: { paddingInline: 16 },
          }}
        />
      </Card>

      <ClassFormModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
