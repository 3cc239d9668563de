import { Alert, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { EntryDetail } from '../../../common/contracts/grading.contract.ts';
import { ApiError } from '../../api/http.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { YearConductList } from '../conduct/components/year-conduct-tags.tsx';
import { canGrading } from './can-grading.ts';
import { LevelModal } from './components/level-modal.tsx';
import { LevelTag } from './components/level-tag.tsx';
import { SelfAssessmentForm, SelfAssessmentView } from './components/self-assessment-form.tsx';
import { parseId, RESIDENCE_TAG, STATUS_TAG } from './grading-labels.ts';
import { useEntry } from './queries/use-entry.ts';

export function EntryPage() {
  const me = useCurrentUser();
  const id = parseId(useParams().id);
  const entry = useEntry(id);
  const t = useT();
  usePageTitle(entry.data ? `${entry.data.entry.member.fullName} · ${t('grading.entryTitle', { year: entry.data.cycle.year })}` : t('grading.title'));
  if (!canGrading.read(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  if (id === null) return <PageError error={new ApiError(404, 'NOT_FOUND')} />;
  if (entry.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (entry.isError) return <PageError error={entry.error} onRetry={() => void entry.refetch()} />;
  return <EntryView detail={entry.data} onReload={() => void entry.refetch()} />;
}

function EntryView({ detail, onReload }: { detail: EntryDetail; onReload: () => void }) {
  const t = useT();
  const me = useCurrentUser();
  const [modal, setModal] = useState<'proposal' | 'decision' | null>(null);
  const { cycle, entry: e } = detail;
  const isMember = me.role === 'member';
  const graded = e.roster === 'graded';
  // The server decides; the page offers the form only where it would be accepted.
  const canEdit =
    graded &&
    !e.proposal &&
    (isMember ? cycle.status === 'self_assessment' : canGrading.manage(me.role) && ['self_assessment', 'cell_proposal', 'committee_decision'].includes(cycle.status));
  const canPropose = graded && !isMember && canGrading.manage(me.role) && ['cell_proposal', 'committee_decision'].includes(cycle.status) && !e.decision && !!e.self;
  const canDecide = graded && canGrading.decide(me.role) && cycle.status === 'committee_decision' && !!e.proposal;
  const yearOpinion = detail.residenceOpinions.find((o) => o.year === cycle.year);

  return (
    <Flex vertical gap={16}>
      {isMember ? <Link to="/grading">← {t('grading.title')}</Link> : <Link to={`/grading/cycles/${cycle.id}`}>← {t('grading.cycleTitle', { year: cycle.year })}</Link>}
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('grading.entryTitle', { year: cycle.year })}: {e.member.fullName}
        </Typography.Title>
        <Flex gap={8} wrap align="center">
          <Typography.Text type="secondary">
            {e.cell.name} · {cycle.organization.name}
          </Typography.Text>
          <Tag color={STATUS_TAG[cycle.status]}>{t(`grading.status.${cycle.status}`)}</Tag>
        </Flex>
      </div>

      {e.roster === 'exempted' && <Alert type="info" showIcon title={t('grading.exempted')} description={t('grading.exemptedHelp')} />}
      {e.roster === 'left' && <Alert type="info" showIcon title={t('grading.left')} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card title={t('grading.selfTitle')} size="small">
              {canEdit ? (
                <SelfAssessmentForm key={e.version} detail={detail} onConflict={onReload} />
              ) : (
                <Flex vertical gap={12}>
                  {graded && !e.self && isMember && <Alert type="info" showIcon title={t('grading.selfReadOnly')} />}
                  <SelfAssessmentView detail={detail} />
                </Flex>
              )}
            </Card>

            {graded && (
              <Card
                title={t('grading.proposalBlock')}
                size="small"
                extra={
                  canPropose && (
                    <Button size="small" onClick={() => setModal('proposal')}>
                      {t('grading.propose')}
                    </Button>
                  )
                }
              >
                {e.proposal ? (
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      { key: 'level', label: t('grading.form.level'), children: <LevelTag level={e.proposal.level} full /> },
                      { key: 'comment', label: t('grading.form.comment'), children: e.proposal.comment ?? '—' },
                      ...(e.proposal.reason ? [{ key: 'reason', label: t('grading.form.reason'), children: e.proposal.reason }] : []),
                    ]}
                  />
                ) : (
                  <Typography.Text type="secondary">{t('grading.notYet')}</Typography.Text>
                )}
              </Card>
            )}

            {graded && (
              <Card
                title={t('grading.decisionBlock')}
                size="small"
                extra={
                  canDecide && (
                    <Button size="small" type={e.decision ? 'default' : 'primary'} onClick={() => setModal('decision')}>
                      {t('grading.decide')}
                    </Button>
                  )
                }
              >
                {e.decision ? (
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      { key: 'level', label: t('grading.form.level'), children: <LevelTag level={e.decision.level} full /> },
                      ...(e.decision.points !== null ? [{ key: 'points', label: t('grading.form.total'), children: t('grading.correctedPoints', { points: e.decision.points }) }] : []),
                      ...(e.decision.reason ? [{ key: 'reason', label: t('grading.form.reason'), children: e.decision.reason }] : []),
                    ]}
                  />
                ) : (
                  <Typography.Text type="secondary">{t('grading.notYet')}</Typography.Text>
                )}
              </Card>
            )}
          </Flex>
        </Col>

        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card title={t('grading.residenceTitle')} size="small">
              {yearOpinion ? (
                <Flex vertical gap={4}>
                  <span>
                    <Tag color={RESIDENCE_TAG[yearOpinion.rating]}>{t(`grading.residence.${yearOpinion.rating}`)}</Tag>
                    {yearOpinion.comments}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {yearOpinion.givenBy}, {showDate(yearOpinion.givenOn)}
                  </Typography.Text>
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t('grading.residenceNone', { year: cycle.year })}</Typography.Text>
              )}
              {detail.residenceOpinions.filter((o) => o.year !== cycle.year).length > 0 && (
                <div style={{ marginTop: 12 }}>
                  <Typography.Text type="secondary">{t('grading.residenceAll')}:</Typography.Text>
                  <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                    {detail.residenceOpinions
                      .filter((o) => o.year !== cycle.year)
                      .map((o) => (
                        <li key={o.id}>
                          {o.year}: <Tag color={RESIDENCE_TAG[o.rating]}>{t(`grading.residence.${o.rating}`)}</Tag>
                          {o.comments}
                        </li>
                      ))}
                  </ul>
                </div>
              )}
            </Card>
            {e.conduct && (
              <Card title={t('conduct.inYear.title', { year: cycle.year })} size="small">
                <YearConductList conduct={e.conduct} />
              </Card>
            )}
            <Card title={t('grading.historyTitle')} size="small">
              {detail.history.length === 0 ? (
                <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
              ) : (
                <Timeline
                  items={detail.history.map((h, i) => ({
                    key: i,
                    content: (
                      <Flex vertical gap={0}>
                        <span>
                          <strong>{t(`grading.history.${h.kind}`)}</strong>
                          {h.points !== null && ` · ${t('grading.points', { points: h.points })}`} {h.level && <LevelTag level={h.level} />}
                        </span>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {dayjs(h.at).format('DD/MM/YYYY HH:mm')}
                          {h.actor ? ` · ${h.actor}` : ''}
                        </Typography.Text>
                      </Flex>
                    ),
                  }))}
                />
              )}
            </Card>
          </Flex>
        </Col>
      </Row>

      {modal && <LevelModal open mode={modal} entry={e} cycle={cycle} onClose={() => setModal(null)} onConflict={onReload} />}
    </Flex>
  );
}
