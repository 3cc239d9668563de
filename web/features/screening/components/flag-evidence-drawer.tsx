import { Button, Descriptions, Drawer, Flex, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Flag } from '../../../../common/contracts/screening.contract.ts';
import { showDate } from '../../../components/dates.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { DECISION_COLOR } from '../screening-labels.ts';
import { KindLabel, RuleTag } from './rule-tag.tsx';

const monthLabel = (m: string, locale: 'vi' | 'en') => (locale === 'vi' ? `tháng ${Number(m.slice(5, 7))}/${m.slice(0, 4)}` : `${m.slice(5, 7)}/${m.slice(0, 4)}`);

/**
 * What a flag was raised on (R-RMV-07: the reviewer sees the evidence): the months, the meetings (links to their
 * pages), the years and grading cycles, the documents, the transfer letter, and the member's record.
 */
export function FlagEvidenceDrawer({ flag, onClose, onReview, canReview }: { flag: Flag | null; onClose: () => void; onReview: (f: Flag) => void; canReview: boolean }) {
  const { t, locale } = useI18n();
  if (!flag) return <Drawer open={false} onClose={onClose} />;
  const e = flag.evidence;
  const items: { key: string; label: string; children: React.ReactNode }[] = [
    {
      key: 'member',
      label: t('screening.evidence.member'),
      children: (
        <Space wrap>
          <Link to={`/members/${flag.member.id}`}>{flag.member.fullName}</Link>
          <Typography.Text type="secondary">{showDate(flag.member.birthDate)}</Typography.Text>
          <Typography.Text type="secondary">· {flag.organization.name}</Typography.Text>
        </Space>
      ),
    },
  ];
  if (e.months?.length) {
    items.push({
      key: 'months',
      label: t('screening.evidence.months'),
      children: (
        <Flex gap={4} wrap>
          {e.months.map((m) => (
            <Tag key={m} color="red">
              {monthLabel(m, locale)}
            </Tag>
          ))}
          {flag.kind === 'unpaid_dues' && <Link to={`/dues/members/${flag.member.id}`}>{t('screening.evidence.dues')}</Link>}
        </Flex>
      ),
    });
  }
  if (flag.meetings.length) {
    items.push({
      key: 'meetings',
      label: t('screening.evidence.meetings'),
      children: (
        <Flex vertical gap={2}>
          {flag.meetings.map((m) => (
            <Link key={m.id} to={`/party-life/meetings/${m.id}`}>
              {t('screening.evidence.meetingOn', { date: showDate(m.date) })}
            </Link>
          ))}
        </Flex>
      ),
    });
  }
  if (e.years?.length) {
    items.push({
      key: 'years',
      label: t('screening.evidence.years'),
      children: (
        <Flex gap={8} wrap>
          {e.years.map((y) => (
            <Tag key={y}>{y}</Tag>
          ))}
          {(e.documentIds ?? []).map((id) => (
            <Link key={id} to={`/grading/cycles/${id}`}>
              {t('screening.evidence.gradingCycle', { id })}
            </Link>
          ))}
        </Flex>
      ),
    });
  } else if (e.documentIds?.length) {
    items.push({
      key: 'documents',
      label: t('screening.evidence.documents'),
      children: (
        <Flex vertical gap={2}>
          {e.documentIds.map((id) =>
            flag.kind === 'discipline_or_violation' ? (
              <Link key={id} to={`/removal?tab=referrals&org=${flag.organization.id}`}>
                {t('screening.evidence.referral', { id })}
              </Link>
            ) : (
              <Link key={id} to={`/members/${flag.member.id}`}>
                {t('screening.evidence.opinion', { id })}
              </Link>
            ),
          )}
        </Flex>
      ),
    });
  }
  if (flag.violationRecords.length) {
    items.push({
      key: 'violations',
      label: t('screening.evidence.violations'),
      children: (
        <Flex vertical gap={2}>
          {flag.violationRecords.map((v) => (
            <Link key={v.id} to={`/members/${flag.member.id}`}>
              {`${t(`conduct.form.${v.form}`)} · ${v.reference} · ${v.decidedBy} · ${showDate(v.decidedOn)}`}
            </Link>
          ))}
        </Flex>
      ),
    });
  }
  if (flag.frontOpinions.length) {
    items.push({
      key: 'front',
      label: t('screening.evidence.frontOpinions'),
      children: (
        <Flex vertical gap={2}>
          {flag.frontOpinions.map((o) => (
            <Link key={o.id} to={`/members/${flag.member.id}`}>
              {`${o.year} · ${t(`conduct.rating.${o.rating}`)} · ${o.givenBy} · ${showDate(o.givenOn)}`}
            </Link>
          ))}
        </Flex>
      ),
    });
  }
  if (flag.transfer) {
    items.push({
      key: 'transfer',
      label: t('screening.evidence.transfer', { number: flag.transfer.letterNumber, date: showDate(flag.transfer.issuedOn) }),
      children: <Link to={`/transfers/${flag.transfer.id}`}>{`${flag.transfer.letterNumber} · ${showDate(flag.transfer.issuedOn)}`}</Link>,
    });
  }
  if (e.dueDate) {
    items.push({
      key: 'due',
      label: t('screening.evidence.dueDate'),
      children: (
        <Space>
          {showDate(e.dueDate)}
          <Typography.Text type="secondary">
            · {t('screening.evidence.completedOn')}: {e.completedOn ? showDate(e.completedOn) : t('screening.evidence.notCompleted')}
          </Typography.Text>
        </Space>
      ),
    });
  }
  if (e.cutoff) items.push({ key: 'cutoff', label: t('screening.evidence.cutoff'), children: showDate(e.cutoff) });
  if (flag.kind === 'no_assignment' || flag.kind === 'low_prestige') {
    items.push({ key: 'life', label: t('screening.evidence.partyLife'), children: <Link to={`/members/${flag.member.id}`}>{flag.member.fullName}</Link> });
  }
  items.push({ key: 'raised', label: t('screening.evidence.key'), children: <Typography.Text code>{flag.key}</Typography.Text> });
  items.push({ key: 'run', label: t('screening.col.raisedOn'), children: t('screening.evidence.raised', { date: showDate(flag.raisedOn), run: flag.runId }) });
  if (flag.review) {
    const r = flag.review;
    items.push({
      key: 'review',
      label: t('screening.evidence.review'),
      children: (
        <Flex vertical gap={4}>
          <Tag color={DECISION_COLOR[r.decision]} style={{ alignSelf: 'flex-start' }}>
            {t(`screening.decision.${r.decision}`)}
          </Tag>
          {r.reason && <Typography.Text>{r.reason}</Typography.Text>}
          <Typography.Text type="secondary">{t('screening.evidence.decidedBy', { who: r.decidedBy ?? '—', org: r.decidedByOrganization.name, date: showDate(r.decidedOn) })}</Typography.Text>
          {r.followUpOn && <Typography.Text>{t('screening.evidence.followUp', { date: showDate(r.followUpOn) })}</Typography.Text>}
          {r.removalCaseId && <Link to={`/removal/cases/${r.removalCaseId}`}>{t('screening.evidence.removalCase', { id: r.removalCaseId })}</Link>}
        </Flex>
      ),
    });
  }
  return (
    <Drawer
      open
      width={560}
      onClose={onClose}
      title={
        <Space wrap>
          <RuleTag ruleId={flag.ruleId} />
          <KindLabel kind={flag.kind} />
        </Space>
      }
      extra={
        canReview && flag.status === 'open' ? (
          <Button type="primary" onClick={() => onReview(flag)}>
            {t('screening.review.open')}
          </Button>
        ) : undefined
      }
    >
      <Typography.Paragraph type="secondary">{t(`screening.kindLong.${flag.kind}`)}</Typography.Paragraph>
      <Descriptions column={1} size="small" bordered items={items} styles={{ label: { width: 170 } }} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {t('screening.review.cannotDelete')}
      </Typography.Paragraph>
    </Drawer>
  );
}
