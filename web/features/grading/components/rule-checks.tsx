import { Alert } from 'antd';
import type { RuleCheckDto } from '../../../../common/contracts/grading.contract.ts';
import { errorText, isApiError } from '../../../components/api-error.ts';
import { useT } from '../../../i18n/i18n.tsx';

type T = (key: string, params?: Record<string, unknown>) => string;

/** The sentence for one rule check (why a level is capped or refused), with the level names in words. */
export function ruleText(t: T, c: RuleCheckDto): string {
  const f = c.facts;
  const levelName = typeof f.level === 'string' ? t(`grading.levelShort.${f.level}`) : '';
  const allowedName = typeof f.allowed === 'string' ? t(`grading.levelShort.${f.allowed}`) : '';
  const key = `grading.rule.${c.code}`;
  const text = t(key, { ...f, levelName, allowedName });
  return text === key ? `${c.ruleId}: ${c.code}` : text;
}

export function RuleCheckList({ checks }: { checks: readonly RuleCheckDto[] }) {
  const t = useT();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {checks.map((c, i) => (
        <li key={`${c.code}-${i}`}>
          <strong>{c.ruleId}</strong> · {ruleText(t, c)}
        </li>
      ))}
    </ul>
  );
}

/** A refusal from the grading API: a rule violation lists each failed rule and why; other errors say their code. */
export function GradingErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  const t = useT();
  if (!error) return null;
  if (isApiError(error, 'RULE_VIOLATION') && Array.isArray(error.params.violations)) {
    return (
      <Alert
        type="error"
        showIcon
        style={style}
        title={t('grading.refused', { rule: String(error.params.rule ?? '') })}
        description={<RuleCheckList checks={error.params.violations as RuleCheckDto[]} />}
      />
    );
  }
  return <Alert type="error" showIcon style={style} title={errorText(t, error)} />;
}
