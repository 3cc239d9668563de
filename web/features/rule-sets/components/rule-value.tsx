import { Typography } from 'antd';
import type { EditableRuleId } from '../../../../common/rules/rule-set-schemas.ts';
import { useT } from '../../../i18n/i18n.tsx';

type T = (key: string, params?: Record<string, unknown>) => string;

/** A criterion by its code: the grading form's name when the code is a known one, the code otherwise. */
function criterionLabel(t: T, code: string): string {
  const key = `grading.criterion.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

/** The numbers of a version in words, one line per sentence (e.g. "Tối đa 20 % số đảng viên hoàn thành tốt nhiệm vụ"). */
export function ruleValueLines(t: T, ruleId: EditableRuleId, params: Record<string, unknown>): string[] {
  if (ruleId === 'R-GRD-01') return [t(`ruleSets.value.R-GRD-01.${params.denominator === 'good_only' ? 'good_only' : 'good_or_better'}`, params)];
  const lines = [t(`ruleSets.value.${ruleId}`, params)];
  if (ruleId === 'R-GRD' && Array.isArray(params.criteria)) {
    const list = (params.criteria as { code: string; maxPoints: number }[]).map((c) => `${criterionLabel(t, c.code)} (${c.maxPoints})`).join('; ');
    lines.push(t('ruleSets.value.R-GRD.criteria', { list }));
  }
  return lines;
}

export function RuleValue({ ruleId, params, secondary = false }: { ruleId: EditableRuleId; params: Record<string, unknown>; secondary?: boolean }) {
  const t = useT();
  const [first, ...rest] = ruleValueLines(t, ruleId, params);
  return (
    <div>
      <Typography.Text type={secondary ? 'secondary' : undefined}>{first}</Typography.Text>
      {rest.map((line) => (
        <div key={line}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {line}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
