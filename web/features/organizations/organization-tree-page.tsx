import { Alert, Button, Card, DatePicker, Empty, Flex, Input, Space, Spin, Tag, Tooltip, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isIsoDate } from '../../../common/rules/iso-date.ts';
import { DATE_FORMAT, fromIso, showDate, todayIso, toIso } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { canManageOrganizations } from './can-manage-organizations.ts';
import { HighlightMatch } from './components/highlight-match.tsx';
import { OrganizationActionHost, OrganizationActionsButton, type PendingAction } from './components/organization-actions.tsx';
import { OrganizationKindTag } from './components/organization-kind-tag.tsx';
import { buildForest, type ForestNode, searchForest, topLevelIds } from './organization-forest.ts';
import { useOrganizationTree } from './queries/use-organization-tree.ts';

/** Trees this large scroll virtually instead of rendering every row. */
const VIRTUAL_FROM = 400;

/**
 * The organization tree as it stood on any date (?asOf=YYYY-MM-DD, default today): before 01/07/2025 the district
 * committees, after it the commune committees directly under the province. Officers change the current tree here.
 */
export function OrganizationTreePage() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && isIsoDate(asOfParam) ? asOfParam : today;
  const isToday = asOf === today;
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<number[] | null>(null);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const tree = useOrganizationTree(asOf);
  const canManage = canManageOrganizations(me.role) && isToday;

  const forest = useMemo(() => buildForest(tree.data?.nodes ?? []), [tree.data]);
  const found = useMemo(() => searchForest(forest, search), [forest, search]);
  const totals = useMemo(
    () => ({ organizations: tree.data?.nodes.length ?? 0, members: forest.reduce((s, f) => s + f.subtreeMembers, 0) }),
    [tree.data, forest],
  );

  const setAsOf = (iso: string | null) => {
    const next = new URLSearchParams(params);
    if (!iso || iso === today) next.delete('asOf');
    else next.set('asOf', iso);
    setExpanded(null);
    setParams(next, { replace: true });
  };

  const title = (f: ForestNode) => {
    const n = f.node;
    const ended = n.validTo !== null;
    return (
      <Flex align="center" gap={8} style={{ minHeight: 30, paddingBlock: 2 }} wrap={false}>
        <OrganizationKindTag kind={n.kind} />
        <Link to={`/organizations/${n.id}`} onClick={(e) => e.stopPropagation()} style={{ fontWeight: f.depth === 0 ? 600 : 500 }}>
          <HighlightMatch text={n.name} query={search} />
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {n.code}
        </Typography.Text>
        {ended && (
          <Tag color={n.validTo! <= today ? 'default' : 'warning'} style={{ marginInlineEnd: 0 }}>
            {t(n.validTo! <= today ? 'organizations.endedOn' : 'organizations.endsOn', { date: showDate(n.validTo) })}
          </Tag>
        )}
        <span style={{ flex: 1 }} />
        <Tooltip title={t('organizations.memberCountHint', { direct: n.memberCount, total: f.subtreeMembers })}>
          <Typography.Text type={f.subtreeMembers ? undefined : 'secondary'} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
            {t('organizations.memberCount', { n: f.subtreeMembers.toLocaleString('vi-VN') })}
          </Typography.Text>
        </Tooltip>
        {canManage && !ended && (
          <OrganizationActionsButton id={n.id} kind={n.kind} isRoot={n.parentId === null} onAction={setPending} />
        )}
      </Flex>
    );
  };

  const toData = (f: ForestNode): DataNode => ({ key: f.node.id, title: title(f), children: f.children.map(toData) });
  const treeData = found.roots.map(toData);

  const expandedKeys = search ? found.expand : (expanded ?? topLevelIds(forest, 3));

  return (
    <div>
      <Flex justify="space-between" align="flex-end" wrap gap={12} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('organizations.treeTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('organizations.treeSubtitle')}</Typography.Text>
        </div>
        <Space wrap>
          <Typography.Text type="secondary">
            {t('organizations.totals', { organizations: totals.organizations.toLocaleString('vi-VN'), members: totals.members.toLocaleString('vi-VN') })}
          </Typography.Text>
        </Space>
      </Flex>

      <Card>
        <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
          <Space>
            <Typography.Text strong>{t('organizations.asOf')}</Typography.Text>
            <DatePicker
              aria-label={t('organizations.asOf')}
              value={fromIso(asOf)}
              format={[DATE_FORMAT, 'D/M/YYYY', 'DDMMYYYY']}
              allowClear={false}
              onChange={(d: Dayjs | null) => setAsOf(toIso(d))}
              style={{ width: 150 }}
            />
            {!isToday && <Button onClick={() => setAsOf(null)}>{t('organizations.backToToday')}</Button>}
          </Space>
          <Input.Search
            allowClear
            placeholder={t('organizations.searchPlaceholder')}
            aria-label={t('organizations.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 360 }}
          />
          {search && (
            <Typography.Text type="secondary">{t('organizations.searchFound', { n: found.matches.size })}</Typography.Text>
          )}
        </Flex>

        {!isToday && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('organizations.pastTree', { date: showDate(asOf) })}
            description={
              <>
                <div>{t('organizations.pastTreeCounts')}</div>
                {canManageOrganizations(me.role) && <div>{t('organizations.pastTreeActions')}</div>}
              </>
            }
          />
        )}

        {tree.isError ? (
          <PageError error={tree.error} onRetry={() => void tree.refetch()} />
        ) : tree.isPending ? (
          <Flex justify="center" style={{ padding: 48 }}>
            <Spin description={t('common.loading')} />
          </Flex>
        ) : treeData.length === 0 ? (
          <Empty description={search ? t('organizations.searchNothing') : t('organizations.emptyOn', { date: showDate(asOf) })} />
        ) : (
          <Spin spinning={tree.isFetching && tree.isPlaceholderData}>
            <Tree
              blockNode
              showLine
              treeData={treeData}
              expandedKeys={expandedKeys}
              onExpand={(keys) => {
                if (!search) setExpanded(keys as number[]);
              }}
              onSelect={(keys) => {
                if (keys.length) navigate(`/organizations/${keys[0]}`);
              }}
              height={(tree.data?.nodes.length ?? 0) > VIRTUAL_FROM ? 680 : undefined}
            />
          </Spin>
        )}
      </Card>
      <OrganizationActionHost pending={pending} onClose={() => setPending(null)} />
    </div>
  );
}
