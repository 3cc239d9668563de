import { Alert, Flex, Tag, Typography } from 'antd';
import type { RuleCheckView } from '../../../../common/contracts/screening.contract.ts';
import { errorText, isApiError } from '../../../components/api-error.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { checkText } from '../removal-labels.ts';

/** The rules a case is judged by, each with its id, green when it holds and red when it does not. */
export function RuleChecklist({ checks, compact = false }: { checks: readonly RuleCheckView[]; compact?: boolean }) {
  const t = useT();
  return (
    <Flex vertical gap={compact ? 4 : 8}>
      {checks.map((c, i) => (
        <Flex key={`${c.ruleId}-${c.code}-${i}`} gap={8} align="flex-start">
          <span aria-hidden style={{ color: c.ok ? '#389e0d' : '#cf1322', fontWeight: 700, width: 14, textAlign: 'center' }}>
            {c.ok ? '✓' : '✗'}
          </span>
          <Tag color={c.ok ? 'green' : 'red'} style={{ marginInlineEnd: 0, fontFamily: 'monospace' }}>
            {c.ruleId === 'workflow' ? t('removal.checklist') : c.ruleId}
          </Tag>
          <Typography.Text>{checkText(t, c)}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

/** A refusal from the removal or screening API: a rule violation lists each failed rule and why. */
export function RuleErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  const t = useT();
  if (!error) return null;
  if (isApiError(error, 'RULE_VIOLATION') && Array.isArray(error.params.violations)) {
    return <Alert type="error" showIcon style={style} title={t('removal.refused')} description={<RuleChecklist checks={error.params.violations as RuleCheckView[]} compact />} />;
  }
  return <Alert type="error" showIcon style={style} title={errorText(t, error)} />;
}
