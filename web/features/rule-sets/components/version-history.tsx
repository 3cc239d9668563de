import { Table, Tag, Typography } from 'antd';
import type { RuleSetVersionView, RuleSetView } from '../../../../common/contracts/rule-sets.contract.ts';
import { showDate } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { showInstant } from '../../users/show-instant.ts';
import { ConfidenceTag } from './confidence-tag.tsx';
import { RuleValue } from './rule-value.tsx';

type State = 'inForce' | 'future' | 'past';
const STATE_COLORS: Record<State, string> = { inForce: 'green', future: 'blue', past: 'default' };

/** Every version of one rule, the latest effective date first: what it said, from when, on what basis, and who added it. */
export function VersionHistory({ rule, today }: { rule: RuleSetView; today: string }) {
  const t = useT();
  const stateOf = (v: RuleSetVersionView): State => (v.inForce ? 'inForce' : v.effectiveFrom > today ? 'future' : 'past');
  return (
    <Table<RuleSetVersionView>
      size="small"
      rowKey={(v) => `${v.id ?? 'shipped'}-${v.effectiveFrom}`}
      dataSource={rule.versions}
      pagination={false}
      title={() => <Typography.Text strong>{t('ruleSets.history', { n: rule.versions.length })}</Typography.Text>}
      columns={[
        {
          title: t('ruleSets.col.effectiveFrom'),
          key: 'from',
          width: 150,
          render: (_, v) => {
            const state = stateOf(v);
            return (
              <div>
                <div>{showDate(v.effectiveFrom)}</div>
                <Tag color={STATE_COLORS[state]}>{t(`ruleSets.state.${state}`)}</Tag>
              </div>
            );
          },
        },
        { title: t('ruleSets.col.value'), key: 'value', render: (_, v) => <RuleValue ruleId={rule.ruleId} params={v.params} secondary={stateOf(v) === 'past'} /> },
        {
          title: t('ruleSets.col.source'),
          key: 'source',
          width: '28%',
          render: (_, v) => (
            <div>
              <div>{v.source}</div>
              <ConfidenceTag confidence={v.confidence} />
              {v.note && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('ruleSets.note', { note: v.note })}
                  </Typography.Text>
                </div>
              )}
            </div>
          ),
        },
        {
          title: t('ruleSets.col.by'),
          key: 'by',
          width: 200,
          render: (_, v) =>
            v.shipped || !v.createdBy ? (
              <Typography.Text type="secondary">{t('ruleSets.shipped')}</Typography.Text>
            ) : (
              t('ruleSets.addedBy', { who: v.createdBy.displayName, at: showInstant(v.createdAt) })
            ),
        },
      ]}
    />
  );
}
