import { Tag, Tooltip } from 'antd';
import type { GradeLevel } from '../../../../common/rules/grading-rules.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { LEVEL_TAG } from '../grading-labels.ts';

/** A level as a coloured tag: the short name, the full name of Quy định 366 on hover (or in full when asked). */
export function LevelTag({ level, full = false }: { level: GradeLevel; full?: boolean }) {
  const t = useT();
  const tag = (
    <Tag color={LEVEL_TAG[level]} style={{ marginInlineEnd: 0 }}>
      {t(full ? `grading.level.${level}` : `grading.levelShort.${level}`)}
    </Tag>
  );
  return full ? tag : <Tooltip title={t(`grading.level.${level}`)}>{tag}</Tooltip>;
}
