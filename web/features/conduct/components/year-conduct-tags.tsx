import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { FrontOpinion, PartyDiscipline, ViolationRecord, YearConduct } from '../../../../common/contracts/conduct.contract.ts';
import { showDate } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { FRONT_RATING_TAG, PARTY_DISCIPLINE_TAG, VIOLATION_KIND_TAG } from '../conduct-labels.ts';

type T = ReturnType<typeof useT>;

/** "reference, dd/mm/yyyy" with the parts that are on record. */
const refAndDate = (ref: string | null, date: string | null) => [ref, date ? showDate(date) : null].filter(Boolean).join(', ');

function DisciplineTag({ d, t }: { d: PartyDiscipline; t: T }) {
  const label = d.outcome ? t('conduct.party.tag', { outcome: t(`conduct.outcome.${d.outcome}`) }) : t('conduct.party.pending');
  const when = d.status === 'concluded' ? refAndDate(d.conclusionRef, d.concludedOn) : t('conduct.party.referred', { date: showDate(d.referredOn) });
  return (
    <Tooltip title={`${when} — ${d.description}`}>
      <Tag color={PARTY_DISCIPLINE_TAG[d.status]}>{label}</Tag>
    </Tooltip>
  );
}

function ViolationTag({ v, t }: { v: ViolationRecord; t: T }) {
  return (
    <Tooltip title={`${t(`conduct.kind.${v.kind}`)}: ${v.decidedBy}, ${refAndDate(v.reference, v.decidedOn)} — ${v.description}`}>
      <Tag color={VIOLATION_KIND_TAG[v.kind]}>{t(`conduct.form.${v.form}`)}</Tag>
    </Tooltip>
  );
}

function FrontTag({ f, t }: { f: FrontOpinion; t: T }) {
  return (
    <Tooltip title={`${f.givenBy}, ${showDate(f.givenOn)}${f.comments ? ` — ${f.comments}` : ''}`}>
      <Tag color={FRONT_RATING_TAG[f.rating]}>{t('conduct.front.tag', { rating: t(`conduct.rating.${f.rating}`) })}</Tag>
    </Tooltip>
  );
}

/**
 * Conduct in a year as tags, for a grading row: party discipline concluded in it, violations decided in it and the
 * Front's opinion, each with its reference and date (dd/mm/yyyy) in the tooltip.
 */
export function YearConductTags({ conduct }: { conduct: YearConduct }) {
  const t = useT();
  const empty = conduct.partyDiscipline.length === 0 && conduct.violations.length === 0 && conduct.frontOpinion === null;
  if (empty) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {conduct.partyDiscipline.map((d) => (
        <DisciplineTag key={`d${d.referralId}`} d={d} t={t} />
      ))}
      {conduct.violations.map((v) => (
        <ViolationTag key={`v${v.id}`} v={v} t={t} />
      ))}
      {conduct.frontOpinion && <FrontTag f={conduct.frontOpinion} t={t} />}
    </Flex>
  );
}

/** The same, written out (the grading entry page): one line per item, with what it was about. */
export function YearConductList({ conduct }: { conduct: YearConduct }) {
  const t = useT();
  const line = (key: string, tag: React.ReactNode, text: string, sub: string) => (
    <Flex key={key} vertical gap={0}>
      <span>
        {tag} {text}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {sub}
      </Typography.Text>
    </Flex>
  );
  return (
    <Flex vertical gap={8}>
      {conduct.partyDiscipline.length === 0 && conduct.violations.length === 0 && <Typography.Text type="secondary">{t('conduct.inYear.none')}</Typography.Text>}
      {conduct.partyDiscipline.map((d) => line(`d${d.referralId}`, <DisciplineTag d={d} t={t} />, d.description, refAndDate(d.conclusionRef, d.concludedOn)))}
      {conduct.violations.map((v) =>
        line(`v${v.id}`, <ViolationTag v={v} t={t} />, v.description, `${t(`conduct.kind.${v.kind}`)} · ${v.decidedBy}, ${refAndDate(v.reference, v.decidedOn)}`),
      )}
      {conduct.frontOpinion ? (
        line('f', <FrontTag f={conduct.frontOpinion} t={t} />, conduct.frontOpinion.comments ?? '', `${conduct.frontOpinion.givenBy}, ${showDate(conduct.frontOpinion.givenOn)}`)
      ) : (
        <Typography.Text type="secondary">{t('conduct.inYear.noFront', { year: conduct.year })}</Typography.Text>
      )}
    </Flex>
  );
}
