import { Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Space, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { MemberDetail } from '../../../common/contracts/members.contract.ts';
import { ApiError } from '../../api/http.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { MemberStatusTag } from '../../components/status-tag.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { can } from '../auth/permissions.ts';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { RecordEventModal } from './components/record-event-modal.tsx';
import { ethnicityName, lastListUrl, parseId, religionLabel } from './member-labels.ts';
import { useMember } from './queries/use-member.ts';
import { MemberDuesPanel } from '../dues/components/member-dues-panel.tsx';
import { LevelTag } from '../grading/components/level-tag.tsx';
import { MemberGradingPanel } from '../grading/components/member-grading-panel.tsx';
import { LEVEL_COLOR } from '../grading/grading-labels.ts';
import { useMemberGrading } from '../grading/queries/use-member-grading.ts';
import { MemberConductPanel } from '../conduct/member-conduct-panel.tsx';
import { MemberPartyLifePanel } from '../party-life/member-party-life-panel.tsx';
import { MemberReadmissionPanel } from '../removal/member-readmission-panel.tsx';
import { MemberTransfersPanel } from '../transfers/member-transfers-panel.tsx';

type Event = MemberDetail['timeline'][number];

// Green for joining and recognition, blue for moves, red for discipline, grey for endings and bookkeeping.
const GREY = '#8c8c8c';
const EVENT_COLOR: Record<Event['kind'], string> = {
  registered: GREY,
  admitted: '#52c41a',
  recognized: '#52c41a',
  moved: '#1677ff',
  struck_off: GREY,
  released: GREY,
  expelled: '#cf1322',
  deceased: GREY,
  transferred_out: '#1677ff',
  reorganized: '#1677ff',
};

export function MemberPage() {
  const t = useT();
  const id = parseId(useParams().id);
  const member = useMember(id);
  usePageTitle(member.data?.person.fullName);
  if (id === null) return <PageError error={new ApiError(404, 'NOT_FOUND')} />;
  if (member.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (member.isError) return <PageError error={member.error} onRetry={() => void member.refetch()} />;
  return <MemberRecord member={member.data} onReload={() => void member.refetch()} t={t} />;
}

function MemberRecord({ member, onReload, t }: { member: MemberDetail; onReload: () => void; t: (k: string, p?: Record<string, unknown>) => string }) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [eventOpen, setEventOpen] = useState(false);
  const grading = useMemberGrading(member.id);
  const p = member.person;
  const text = (v: string | null | undefined) => v || <Typography.Text type="secondary">—</Typography.Text>;
  const date = (v: string | null | undefined) => (v ? showDate(v) : text(null));

  const personal = [
    { key: 'fullName', label: t('members.f.fullName'), children: <strong>{p.fullName}</strong> },
    { key: 'birthName', label: t('members.f.birthName'), children: text(p.birthName) },
    { key: 'gender', label: t('members.f.gender'), children: t(`gender.${p.gender}`) },
    { key: 'birthDate', label: t('members.f.birthDate'), children: date(p.birthDate) },
    { key: 'birthplace', label: t('members.f.birthplace'), children: text(p.birthplace) },
    { key: 'hometown', label: t('members.f.hometown'), children: text(p.hometown) },
    { key: 'permanentAddress', label: t('members.f.permanentAddress'), children: text(p.permanentAddress), span: 2 },
    { key: 'temporaryAddress', label: t('members.f.temporaryAddress'), children: text(p.temporaryAddress), span: 2 },
    { key: 'ethnicity', label: t('members.f.ethnicity'), children: ethnicityName(p.ethnicityCode) },
    { key: 'religion', label: t('members.f.religion'), children: religionLabel(t, p.religionCode) },
    { key: 'citizenId', label: t('members.f.citizenId'), children: text(p.citizenId) },
    { key: 'phone', label: t('members.f.phone'), children: text(p.phone) },
    { key: 'generalEducation', label: t('members.f.generalEducation'), children: text(p.generalEducation) },
    { key: 'professionalQualification', label: t('members.f.professionalQualification'), children: text(p.professionalQualification) },
    { key: 'politicalTheory', label: t('members.f.politicalTheory'), children: text(p.politicalTheory) },
    { key: 'occupation', label: t('members.f.occupation'), children: text(p.occupation) },
  ];

  const party = [
    { key: 'status', label: t('members.f.status'), children: <MemberStatusTag status={member.status} /> },
    { key: 'organization', label: t('members.f.organization'), children: member.organization.name },
    { key: 'historyNumber', label: t('members.f.historyNumber'), children: text(member.historyNumber) },
    { key: 'cardNumber', label: t('members.f.cardNumber'), children: text(member.cardNumber) },
    { key: 'admissionDecisionDate', label: t('members.f.admissionDecisionDate'), children: date(member.admissionDecisionDate) },
    { key: 'ceremonyDate', label: t('members.f.ceremonyDate'), children: date(member.ceremonyDate) },
    { key: 'officialDate', label: t('members.f.officialDate'), children: date(member.officialDate) },
    {
      key: 'partyAge',
      label: t('members.f.partyAge'),
      children: member.partyAgeYears === null ? text(null) : t('members.partyAgeYears', { n: member.partyAgeYears }),
    },
    ...(member.leftDate ? [{ key: 'leftDate', label: t('members.f.leftDate'), children: date(member.leftDate) }] : []),
    {
      key: 'posts',
      label: t('members.f.posts'),
      span: 2,
      children: member.posts.length ? (
        <Flex vertical gap={2}>
          {member.posts.map((post, i) => (
            <span key={i}>
              {post.title}
              {post.since && <Typography.Text type="secondary"> ({t('members.postSince', { date: showDate(post.since) })})</Typography.Text>}
            </span>
          ))}
        </Flex>
      ) : (
        text(null)
      ),
    },
  ];

  // The timeline: status and cell events, and each closed year's grading result (issue 5: results on the timeline),
  // read from the grading panel's own query (same key: no second request).
  const gradedYears = (grading.data?.items ?? []).filter((g) => g.finalLevel && g.closedOn);
  const events = [
    ...member.timeline.map((e) => ({ date: e.eventDate, order: e.id, key: `e${e.id}`, color: EVENT_COLOR[e.kind], content: <EventItem event={e} t={t} /> })),
    ...gradedYears.map((g) => ({
      date: g.closedOn!,
      order: Number.MAX_SAFE_INTEGER,
      key: `g${g.entryId}`,
      color: LEVEL_COLOR[g.finalLevel!],
      content: (
        <Flex vertical gap={2}>
          <div>
            <Typography.Text strong>{showDate(g.closedOn)}</Typography.Text> · <Typography.Text strong>{t('members.timeline.graded', { year: g.year })}</Typography.Text>
          </div>
          <div>
            <LevelTag level={g.finalLevel!} /> <Typography.Text type="secondary">{g.organization.name}</Typography.Text>
          </div>
        </Flex>
      ),
    })),
  ].sort((a, b) => (a.date === b.date ? a.order - b.order : a.date < b.date ? -1 : 1));

  return (
    <Flex vertical gap={16}>
      {can.listMembers(me.role) && (
        <Link to={lastListUrl()} style={{ alignSelf: 'flex-start' }}>
          ← {t('members.backToList')}
        </Link>
      )}
      <Flex align="flex-start" justify="space-between" gap={16} wrap>
        <div>
          <Space align="center" size={12} wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {p.fullName}
            </Typography.Title>
            <MemberStatusTag status={member.status} />
          </Space>
          <div>
            <Typography.Text type="secondary">
              {member.organization.name} · {t(`kind.${member.organization.kind}`)}
            </Typography.Text>
          </div>
        </div>
        <Space wrap>
          {can.updateMember(me.role) && <Button onClick={() => navigate(`/members/${member.id}/edit`)}>{t('members.edit')}</Button>}
          {can.changeMemberStatus(me.role) && (
            <Button type="primary" onClick={() => setEventOpen(true)}>
              {t('members.recordEvent')}
            </Button>
          )}
        </Space>
      </Flex>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card title={t('members.section.personal')} size="small">
              <Descriptions items={personal} column={{ xs: 1, sm: 1, md: 2 }} bordered size="small" />
            </Card>
            <Card title={t('members.section.party')} size="small">
              <Descriptions items={party} column={{ xs: 1, sm: 1, md: 2 }} bordered size="small" />
            </Card>
            <MemberPartyLifePanel memberId={member.id} />
            <MemberTransfersPanel memberId={member.id} />
            <MemberDuesPanel memberId={member.id} />
            <MemberGradingPanel memberId={member.id} />
            <MemberConductPanel memberId={member.id} />
            <MemberReadmissionPanel memberId={member.id} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('members.section.timeline')} size="small">
            {events.length === 0 ? (
              <Empty description={t('members.timeline.empty')} />
            ) : (
              <Timeline items={events.map(({ key, color, content }) => ({ key, color, content }))} />
            )}
          </Card>
        </Col>
      </Row>

      {can.changeMemberStatus(me.role) && <RecordEventModal member={member} open={eventOpen} onClose={() => setEventOpen(false)} onReload={onReload} />}
    </Flex>
  );
}

function EventItem({ event: e, t }: { event: Event; t: (k: string, p?: Record<string, unknown>) => string }) {
  const statusChange = e.fromStatus !== e.toStatus && e.toStatus;
  const orgChange = e.toOrganization && e.fromOrganization?.id !== e.toOrganization.id;
  return (
    <Flex vertical gap={2}>
      <div>
        <Typography.Text strong>{showDate(e.eventDate)}</Typography.Text> · <Typography.Text strong>{t(`event.${e.kind}`)}</Typography.Text>
      </div>
      {statusChange && (
        <div>
          <Typography.Text type="secondary">{t('members.timeline.status')}: </Typography.Text>
          {e.fromStatus && (
            <>
              <MemberStatusTag status={e.fromStatus} /> →{' '}
            </>
          )}
          {e.toStatus && <MemberStatusTag status={e.toStatus} />}
        </div>
      )}
      {orgChange && (
        <div>
          <Typography.Text type="secondary">{t('members.timeline.organization')}: </Typography.Text>
          {e.fromOrganization && <>{e.fromOrganization.name} → </>}
          {e.toOrganization!.name}
        </div>
      )}
      {e.decisionRef && <div>{t('members.timeline.decision', { ref: e.decisionRef })}</div>}
      {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {e.actor ? `${t('members.timeline.recordedBy', { actor: e.actor })}, ` : ''}
        {t('members.timeline.recordedAt', { at: dayjs(e.createdAt).format('DD/MM/YYYY HH:mm') })}
      </Typography.Text>
    </Flex>
  );
}
