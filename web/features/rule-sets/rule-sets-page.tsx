import { Alert, Button, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { RuleSetView } from '../../../common/contracts/rule-sets.contract.ts';
import { EDITABLE_RULE_IDS, type EditableRuleId } from '../../../common/rules/rule-set-schemas.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { canRuleSets } from './can-rule-sets.ts';
import { AddVersionModal } from './components/add-version-modal.tsx';
import { ConfidenceTag } from './components/confidence-tag.tsx';
import { RuleValue } from './components/rule-value.tsx';
import { VersionHistory } from './components/version-history.tsx';
import { useRuleSets } from './queries/use-rule-sets.ts';

/**
 * "Tham số quy định" (rules.md line 3): the numbers of each editable rule in force today, in words, with their legal
 * source and how sure they are ("Chưa kiểm chứng" for U); each rule expands into its version history. Administrators
 * add a version (new numbers, new effective date) without a code change; the read roles see the same page without it.
 */
export function RuleSetsPage() {
  const t = useT();
  const me = useCurrentUser();
  const canManage = canRuleSets.manage(me.role);
  const query = useRuleSets();
  const [adding, setAdding] = useState<EditableRuleId | null>(null);
  usePageTitle(t('ruleSets.title'));

  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const today = data?.today ?? '';

  const inForceOf = (r: RuleSetView) => r.versions.find((v) => v.inForce) ?? null;
  const nextOf = (r: RuleSetView) =>
    r.versions.filter((v) => v.effectiveFrom > today).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))[0] ?? null;

  return (
    <div>
      <Flex justify="space-between" align="flex-end" wrap gap={12} style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0, maxWidth: 900 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('ruleSets.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('ruleSets.subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          {today && <Typography.Text strong>{t('ruleSets.today', { date: showDate(today) })}</Typography.Text>}
          {canManage && (
            <Button type="primary" onClick={() => setAdding(EDITABLE_RULE_IDS[0])} disabled={!data}>
              {t('ruleSets.add')}
            </Button>
          )}
        </Space>
      </Flex>
      {!canManage && <Alert type="info" showIcon title={t('ruleSets.readOnly')} style={{ marginBottom: 12 }} />}

      <Table<RuleSetView>
        rowKey="ruleId"
        loading={query.isPending}
        dataSource={data?.rules ?? []}
        pagination={false}
        expandable={{ expandedRowRender: (r) => <VersionHistory rule={r} today={today} /> }}
        columns={[
          {
            title: t('ruleSets.col.rule'),
            key: 'rule',
            width: '24%',
            render: (_, r) => (
              <div>
                <Space size={6} wrap>
                  <Tag color="red">{r.ruleId}</Tag>
                  <ConfidenceTag confidence={r.confidence} />
                </Space>
                <div style={{ marginTop: 4 }}>
                  <Typography.Text strong>{t(`ruleSets.rule.${r.ruleId}`)}</Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: t('ruleSets.col.value'),
            key: 'value',
            render: (_, r) => {
              const current = inForceOf(r);
              return current ? <RuleValue ruleId={r.ruleId} params={current.params} /> : <Typography.Text type="secondary">{t('ruleSets.noneInForce')}</Typography.Text>;
            },
          },
          {
            title: t('ruleSets.col.effectiveFrom'),
            key: 'from',
            width: 140,
            render: (_, r) => {
              const next = nextOf(r);
              return (
                <div>
                  <div>{r.inForceFrom ? showDate(r.inForceFrom) : '—'}</div>
                  {next && <Tag color="blue">{t('ruleSets.upcoming', { date: showDate(next.effectiveFrom) })}</Tag>}
                </div>
              );
            },
          },
          {
            title: t('ruleSets.col.source'),
            key: 'source',
            width: '20%',
            render: (_, r) => <Typography.Text style={{ fontSize: 13 }}>{inForceOf(r)?.source ?? r.shippedSource}</Typography.Text>,
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, r: RuleSetView) => <Button onClick={() => setAdding(r.ruleId)}>{t('ruleSets.add')}</Button>,
                },
              ]
            : []),
        ]}
      />

      {canManage && data && (
        <AddVersionModal open={adding !== null} rules={data.rules} initialRuleId={adding ?? EDITABLE_RULE_IDS[0]} today={today} onClose={() => setAdding(null)} />
      )}
    </div>
  );
}
