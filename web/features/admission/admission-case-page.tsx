import { Card, Col, Descriptions, Flex, Row, Skeleton, Steps, Tabs, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { AdmissionCaseDetail } from '../../../common/contracts/admission.contract.ts';
import { ApiError } from '../../api/http.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { canAdmission, isAhead, MAIN_STEPS, statusText, TERMINAL } from './admission-labels.ts';
import { ChecklistTable, DocumentsSection, FileForm, IntroducersSection, OpinionsSection, RelativesEditor, TimelineSection, VerificationSection, VotesSection } from './components/case-sections.tsx';
import { RefuseButton, StepPanel } from './components/step-panel.tsx';
import { useAdmissionCase } from './queries/use-admission-case.ts';

const REFUSABLE = ['introduced', 'training', 'application', 'history', 'verification', 'introductions', 'opinions', 'cell_resolution', 'grassroots_resolution', 'decision'];
const ADMISSION_FILE = ['introduced', 'training', 'application', 'history', 'verification', 'introductions', 'opinions', 'cell_resolution'];

export function AdmissionCasePage() {
  const raw = useParams().id;
  const id = raw && /^\d+$/.test(raw) ? Number(raw) : null;
  const me = useCurrentUser();
  const kase = useAdmissionCase(id);
  usePageTitle(kase.data?.person.fullName);
  if (id === null || !canAdmission.read(me.role)) return <PageError error={new ApiError(id === null ? 404 : 403, id === null ? 'NOT_FOUND' : 'FORBIDDEN')} />;
  if (kase.isPending) return <Skeleton active paragraph={{ rows: 14 }} />;
  if (kase.isError) return <PageError error={kase.error} onRetry={() => void kase.refetch()} />;
  return <CaseView kase={kase.data} onReload={() => void kase.refetch()} />;
}

/** The steps on the left, the current step's form and the case's facts on the right. */
function CaseView({ kase, onReload }: { kase: AdmissionCaseDetail; onReload: () => void }) {
  const t = useT();
  const me = useCurrentUser();
  const canManage = canAdmission.manage(me.role);
  const canDecide = canAdmission.decide(me.role);
  const steps = MAIN_STEPS.filter((s) => s !== 'grassroots_resolution' || kase.grassrootsCommitteeBetween || kase.votes.some((v) => v.kind === 'grassroots_admission'));
  const ended = kase.status === 'refused' || kase.status === 'struck_from_probation';
  const lastStep = ended ? (kase.timeline.at(-1)?.fromStatus ?? 'introduced') : kase.status;
  const current = Math.max(0, steps.indexOf(lastStep as (typeof steps)[number]));
  const stepItems = steps.map((s, i) => ({
    title: statusText(t, s),
    status: (i < current || kase.status === 'official' ? 'finish' : i === current ? (ended ? 'error' : 'process') : 'wait') as 'finish' | 'process' | 'wait' | 'error',
    content:
      i === current && kase.dueAt && !TERMINAL.includes(kase.status) ? (
        <Tag color={kase.isOverdue ? 'red' : 'blue'} style={{ marginTop: 2 }}>
          {kase.isOverdue ? `${t('adm.overdueTag')} · ` : ''}
          {t('adm.due', { date: showDate(kase.dueAt) })}
        </Tag>
      ) : undefined,
  }));
  const fileEditable = canManage && ADMISSION_FILE.includes(kase.status);
  const failing = kase.checklist.filter((c) => !c.ok && !isAhead(kase.status, c.step)).length;

  return (
    <Flex vertical gap={16}>
      <Link to="/admissions" style={{ alignSelf: 'flex-start' }}>
        {t('adm.back')}
      </Link>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div>
          <Flex align="center" gap={12} wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {kase.person.fullName}
            </Typography.Title>
            <Tag color={kase.status === 'official' ? 'green' : ended ? 'default' : 'red'} style={{ fontSize: 14, padding: '2px 10px' }}>
              {statusText(t, kase.status)}
            </Tag>
            {kase.isOverdue && <Tag color="red">{t('adm.overdueTag')}</Tag>}
          </Flex>
          <Typography.Text type="secondary">
            {kase.cell.name} · {t('adm.openedOn')} {showDate(kase.openedOn)}
            {kase.closedOn && ` · ${t('adm.closedOn')} ${showDate(kase.closedOn)}`}
          </Typography.Text>
        </div>
        <Flex gap={12} align="center">
          {kase.memberId && <Link to={`/members/${kase.memberId}`}>{t('adm.member')}</Link>}
          {kase.candidateId && <Link to={`/candidates/${kase.candidateId}`}>{t('adm.candidate')}</Link>}
          {canManage && REFUSABLE.includes(kase.status) && <RefuseButton kase={kase} onReload={onReload} />}
        </Flex>
      </Flex>

      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <Card size="small">
            <Steps orientation="vertical" size="small" current={current} items={stepItems} />
          </Card>
          <Card size="small" style={{ marginTop: 16 }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'born', label: t('adm.f.birthDate'), children: showDate(kase.person.birthDate) },
                { key: 'body', label: t('adm.competentBody'), children: kase.competentBodies.admission?.name ?? t('adm.none') },
                ...(kase.dueDates.partyAgeFrom ? [{ key: 'age', label: t('adm.partyAgeFrom'), children: showDate(String(kase.dueDates.partyAgeFrom)) }] : []),
                ...(kase.dueDates.probationEnd ? [{ key: 'end', label: t('adm.probationEnd'), children: showDate(String(kase.dueDates.probationEnd)) }] : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          <Card size="small">
            <Tabs
              items={[
                { key: 'step', label: t('adm.tab.step'), children: <StepPanel kase={kase} onReload={onReload} canManage={canManage} canDecide={canDecide} /> },
                {
                  key: 'checklist',
                  label: (
                    <span>
                      {t('adm.tab.checklist')} {failing > 0 && <Tag color="red">{failing}</Tag>}
                    </span>
                  ),
                  children: <ChecklistTable kase={kase} />,
                },
                {
                  key: 'file',
                  label: t('adm.tab.file'),
                  children: (
                    <Flex vertical gap={16}>
                      <FileForm
                        kase={kase}
                        fields={fileEditable ? ['applicationDate', 'historyDate', 'educationLevel', 'isYouthUnionMember', 'employerKind', 'place'] : ['employerKind', 'place']}
                        onReload={onReload}
                        disabled={!canManage || TERMINAL.includes(kase.status)}
                      />
                      <RelativesEditor kase={kase} onReload={onReload} disabled={!fileEditable} />
                      <IntroducersSection kase={kase} onReload={onReload} editable={fileEditable} />
                      <OpinionsSection kase={kase} phase="admission" onReload={onReload} editable={fileEditable} />
                    </Flex>
                  ),
                },
                {
                  key: 'verification',
                  label: (
                    <span>
                      {t('adm.tab.verification')} {kase.verifications.some((v) => v.isReplyOverdue) && <Tag color="red">!</Tag>}
                    </span>
                  ),
                  children: <VerificationSection kase={kase} onReload={onReload} editable={fileEditable} />,
                },
                { key: 'votes', label: t('adm.tab.votes'), children: <VotesSection kase={kase} /> },
                { key: 'documents', label: t('adm.tab.documents'), children: <DocumentsSection kase={kase} canUpload={canManage} /> },
                { key: 'timeline', label: t('adm.tab.timeline'), children: <TimelineSection kase={kase} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
