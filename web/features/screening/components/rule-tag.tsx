import { Tag, Tooltip } from 'antd';
import type { FlagKind } from '../../../../common/rules/screening-engine.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { KIND_COLOR, RULE_COLOR } from '../screening-labels.ts';

/** The rule id of a flag as a tag (R-RMV-01/02: grounds for name removal; R-RMV-06: to review). */
export function RuleTag({ ruleId }: { ruleId: string }) {
  return (
    <Tag color={RULE_COLOR[ruleId] ?? 'default'} style={{ fontFamily: 'monospace', marginInlineEnd: 0 }}>
      {ruleId}
    </Tag>
  );
}

/** The kind of a flag in words, with the long form on hover. */
export function KindLabel({ kind }: { kind: FlagKind }) {
  const t = useT();
  return (
    <Tooltip title={t(`screening.kindLong.${kind}`)}>
      <span style={{ borderInlineStart: `3px solid ${KIND_COLOR[kind]}`, paddingInlineStart: 6 }}>{t(`screening.kind.${kind}`)}</span>
    </Tooltip>
  );
}
