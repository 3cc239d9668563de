import { Breadcrumb, Button, Card, Col, Descriptions, Empty, Flex, List, Row, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  AUTHORITY_MATTERS,
  type OrganizationDetail,
  type OrganizationEventKind,
  type OrganizationRef,
} from '../../../common/contracts/organizations.contract.ts';
import { addDays } from '../../../common/rules/iso-date.ts';
import { descendantIdsOf } from '../../../common/rules/organization-tree.ts';
import { showDate, todayIso } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { canManageOrganizations } from './can-manage-organizations.ts';
import { OrganizationActionHost, OrganizationActionsButton, type PendingAction } from './components/organization-actions.tsx';
import { OrganizationKindTag } from './components/organization-kind-tag.tsx';
import { OrganizationLink } from './components/organization-link.tsx';
import { useOrganization } from './queries/use-organization.ts';
import { useOrganizationTree } from './queries/use-organization-tree.ts';

type Version = OrganizationDetail['history'][number];
type Event = OrganizationDetail['events'][number];

const EVENT_COLOR: Record<OrganizationEventKind, string> = {
  created: 'green',
  renamed: 'blue',
  moved: 'geekblue',
  merged: 'purple',
  split: 'magenta',
  dissolved: 'default',
  authority_changed: 'gold',
};

/** The last day a version held: its end is exclusive, so a version ending 01/07/2025 held until 30/06/2025. */
function lastDay(validTo: string | null): string | null {
  return validTo === null ? null : addDays(validTo, -1);
}

function Refs({ refs, currentId }: { refs: OrganizationRef[]; currentId: number }) {
  if (refs.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {refs.map((r) => (
        <OrganizationLink key={r.id} org={r} currentId={currentId} />
      ))}
    </Space>
  );
}

/** One organization: details, place in the tree, the bodies that decide for it, its history and lineage. */
export function OrganizationPage() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const org = useOrganization(Number.isInteger(id) && id > 0 ? id : null);
  const [pending, setPending] = useState<PendingAction | null>(null);
  // The detail counts members recorded in the organization itself; today's tree gives the whole subtree.
  const tree = useOrganizationTree(todayIso());
  const subtreeMembers = useMemo(() => {
    const nodes = tree.data?.nodes ?? [];
    if (!nodes.some((n) => n.id === id)) return null;
    const ids = descendantIdsOf(nodes, id);
    return nodes.reduce((sum, n) => (ids.has(n.id) ? sum + n.memberCount : sum), 0);
  }, [tree.data, id]);

  if (org.isError) return <PageError error={org.error} onRetry={() => void org.refetch()} />;
  if (org.isPending) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin description={t('common.loading')} />
      </Flex>
    );
  }
  const o = org.data;
  const today = todayIso();
  const ended = o.validTo !== null && o.validTo <= today;
  const ancestors = o.path.filter((p) => p.id !== o.id);
  const parent = ancestors.length ? ancestors[ancestors.length - 1] : null;
  const canManage = canManageOrganizations(me.role) && !ended;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'tree', title: <Link to="/organizations">{t('nav.organizations')}</Link> },
          ...ancestors.map((a) => ({ key: a.id, title: <Link to={`/organizations/${a.id}`}>{a.name}</Link> })),
          { key: o.id, title: o.name },
        ]}
      />

      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
        <div>
          <Space align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {o.name}
            </Typography.Title>
            <OrganizationKindTag kind={o.kind} />
            {o.validTo === null ? (
              <Tag color="success">{t('organizations.active')}</Tag>
            ) : (
              <Tag color={ended ? 'default' : 'warning'}>{t(ended ? 'organizations.endedOn' : 'organizations.endsOn', { date: showDate(o.validTo) })}</Tag>
            )}
          </Space>
          <div>
            <Typography.Text type="secondary">
              {t('organizations.codeLabel', { code: o.code })} · {t('organizations.foundedOn', { date: showDate(o.validFrom) })}
            </Typography.Text>
          </div>
        </div>
        <Space wrap>
          <Button onClick={() => navigate(`/members?organizationId=${o.id}`)}>{t('organizations.seeMembers')}</Button>
          <Button onClick={() => navigate(`/organizations${ended ? `?asOf=${lastDay(o.validTo)}` : ''}`)}>{t('organizations.seeInTree')}</Button>
          {canManage && (
            <OrganizationActionsButton id={o.id} kind={o.kind} isRoot={o.parentId === null} onAction={setPending} size="middle" />
          )}
        </Space>
      </Flex>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('organizations.details')} style={{ height: '100%' }}>
            <Descriptions column={1} size="small" styles={{ label: { width: 220 } }}>
              <Descriptions.Item label={t('organizations.kind')}>{t(`kind.${o.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t('organizations.parent')}>{parent ? <OrganizationLink org={parent} /> : none}</Descriptions.Item>
              <Descriptions.Item label={t('organizations.validFrom')}>{showDate(o.validFrom)}</Descriptions.Item>
              <Descriptions.Item label={t('organizations.validTo')}>{o.validTo ? showDate(lastDay(o.validTo)) : t('organizations.stillActive')}</Descriptions.Item>
              <Descriptions.Item label={t('organizations.activeMembers')}>
                <Link to={`/members?organizationId=${o.id}`}>
                  {subtreeMembers === null || subtreeMembers === o.memberCount
                    ? t('organizations.memberCount', { n: o.memberCount.toLocaleString('vi-VN') })
                    : t('organizations.memberCountWithSubtree', { total: subtreeMembers.toLocaleString('vi-VN'), direct: o.memberCount.toLocaleString('vi-VN') })}
                </Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('organizations.authorityTitle')}>
                {AUTHORITY_MATTERS.some((m) => o.authority[m]) ? (
                  <Space size={[4, 4]} wrap>
                    {AUTHORITY_MATTERS.filter((m) => o.authority[m]).map((m) => (
                      <Tag key={m} color="red">
                        {t(`organizations.authority.${m}`)}
                      </Tag>
                    ))}
                  </Space>
                ) : (
                  none
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={
              <Tooltip title={t('organizations.competentHint')}>
                <span>{t('organizations.competentTitle')}</span>
              </Tooltip>
            }
            style={{ height: '100%' }}
          >
            {ended ? (
              <Typography.Text type="secondary">{t('organizations.competentEnded')}</Typography.Text>
            ) : (
            <Descriptions column={1} size="small" styles={{ label: { width: 240 } }}>
              {AUTHORITY_MATTERS.map((m) => {
                const body = o.competentBodies[m];
                return (
                  <Descriptions.Item key={m} label={t(`organizations.competent.${m}`)}>
                    {body ? (
                      <Tooltip title={t(`kind.${body.kind}`)}>
                        <span>
                          <OrganizationLink org={body} currentId={o.id} />
                        </span>
                      </Tooltip>
                    ) : (
                      <Typography.Text type="warning">{t('organizations.noCompetentBody')}</Typography.Text>
                    )}
                  </Descriptions.Item>
                );
              })}
            </Descriptions>
            )}
          </Card>
        </Col>

        <Col span={24}>
          <Card title={t('organizations.childrenTitle', { n: o.children.length })}>
            {o.children.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('organizations.noChildren')} />
            ) : (
              <List
                grid={{ gutter: 12, xs: 1, md: 2, xl: 3 }}
                dataSource={o.children}
                renderItem={(c) => (
                  <List.Item style={{ marginBottom: 8 }}>
                    <Flex gap={8} align="center">
                      <OrganizationKindTag kind={c.kind} />
                      <Tooltip title={t('organizations.codeLabel', { code: c.code })}>
                        <span>
                          <OrganizationLink org={c} />
                        </span>
                      </Tooltip>
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>

        <Col span={24}>
          <Card title={t('organizations.historyTitle')}>
            <Table<Version>
              size="small"
              rowKey={(v) => `${v.validFrom}-${v.validTo}-${v.name}-${v.parentId}`}
              dataSource={o.history}
              pagination={false}
              columns={[
                { title: t('organizations.name'), dataIndex: 'name' },
                { title: t('organizations.kind'), dataIndex: 'kind', width: 180, render: (k: Version['kind']) => <OrganizationKindTag kind={k} /> },
                {
                  title: t('organizations.parent'),
                  dataIndex: 'parentName',
                  render: (_: unknown, v: Version) => (v.parentId && v.parentName ? <OrganizationLink org={{ id: v.parentId, name: v.parentName }} /> : none),
                },
                {
                  title: t('organizations.authorityTitle'),
                  dataIndex: 'authority',
                  render: (a: Version['authority']) =>
                    AUTHORITY_MATTERS.some((m) => a[m]) ? (
                      <Space size={[4, 4]} wrap>
                        {AUTHORITY_MATTERS.filter((m) => a[m]).map((m) => (
                          <Tag key={m}>{t(`organizations.authorityShort.${m}`)}</Tag>
                        ))}
                      </Space>
                    ) : (
                      <Typography.Text type="secondary">—</Typography.Text>
                    ),
                },
                { title: t('organizations.from'), dataIndex: 'validFrom', width: 120, render: (d: string) => showDate(d) },
                {
                  title: <Tooltip title={t('organizations.toHint')}>{t('organizations.to')}</Tooltip>,
                  dataIndex: 'validTo',
                  width: 150,
                  render: (d: string | null, v: Version) =>
                    d === null ? (
                      <Tag color="success">{t('organizations.current')}</Tag>
                    ) : d === v.validFrom ? (
                      <Typography.Text type="secondary">{t('organizations.supersededSameDay')}</Typography.Text>
                    ) : (
                      showDate(lastDay(d))
                    ),
                },
              ]}
            />
          </Card>
        </Col>

        <Col span={24}>
          <Card title={t('organizations.eventsTitle')}>
            <Table<Event>
              size="small"
              rowKey="id"
              scroll={{ x: 1000 }}
              dataSource={o.events}
              pagination={o.events.length > 20 ? { pageSize: 20 } : false}
              locale={{ emptyText: t('organizations.noEvents') }}
              columns={[
                { title: t('common.effectiveDate'), dataIndex: 'effectiveDate', width: 110, render: (d: string) => showDate(d) },
                {
                  title: t('organizations.eventKind'),
                  dataIndex: 'kind',
                  width: 160,
                  render: (k: OrganizationEventKind) => <Tag color={EVENT_COLOR[k]}>{t(`organizations.event.${k}`)}</Tag>,
                },
                {
                  title: t('organizations.lineage'),
                  render: (_: unknown, e: Event) =>
                    e.predecessors.length || e.successors.length ? (
                      <Flex align="center" gap={12} wrap={false}>
                        <Refs refs={e.predecessors} currentId={o.id} />
                        <Typography.Text type="secondary" aria-label={t('organizations.becomes')}>
                          →
                        </Typography.Text>
                        <Refs refs={e.successors} currentId={o.id} />
                      </Flex>
                    ) : (
                      <Refs refs={e.subjects} currentId={o.id} />
                    ),
                },
                {
                  title: t('organizations.movedWith'),
                  width: 220,
                  render: (_: unknown, e: Event) =>
                    e.predecessors.length || e.successors.length ? <Refs refs={e.subjects} currentId={o.id} /> : <Typography.Text type="secondary">—</Typography.Text>,
                },
                { title: t('common.decisionRef'), dataIndex: 'decisionRef', width: 130, render: (v: string | null) => v ?? '—' },
                { title: t('common.note'), dataIndex: 'note', width: 220, render: (v: string | null) => v ?? '' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <OrganizationActionHost
        pending={pending}
        onClose={() => setPending(null)}
      />
    </div>
  );
}
