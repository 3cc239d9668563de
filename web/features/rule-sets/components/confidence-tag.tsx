import { Tag, Tooltip } from 'antd';
import type { Confidence } from '../../../../common/rules/rule-set-schemas.ts';
import { useT } from '../../../i18n/i18n.tsx';

const COLORS: Record<Confidence, string> = { U: 'orange', S: 'gold', 'V-old': 'blue', V: 'green' };

/**
 * rules.md's confidence of a rule's numbers. U (unverified) must be said in the UI; S and V-old are shown too, so the
 * administrator knows which numbers to check first. V is shown only where asked (`showVerified`).
 */
export function ConfidenceTag({ confidence, showVerified = false }: { confidence: Confidence; showVerified?: boolean }) {
  const t = useT();
  if (confidence === 'V' && !showVerified) return null;
  return (
    <Tooltip title={t(`ruleSets.confidenceHelp.${confidence}`)}>
      <Tag color={COLORS[confidence]} style={{ marginInlineEnd: 0 }}>
        {t(`ruleSets.confidence.${confidence}`)}
      </Tag>
    </Tooltip>
  );
}
