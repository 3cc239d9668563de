import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Space, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CandidateDetail, CandidateLimited } from '../../../common/contracts/candidates.contract.ts';
import { ApiError } from '../../api/http.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { ethnicityName, religionLabel } from '../members/member-labels.ts';
import { PersonCertificatesCard } from '../training/components/person-certificates-card.tsx';
import { lastCandidateListUrl } from './candidate-labels.ts';
import { canCandidates } from './can-candidates.ts';
import { AssignHelperModal } from './components/assign-helper-modal.tsx';
import { CandidateStatusTag } from './components/candidate-status-tag.tsx';
import { ChangeStatusModal } from './components/change-status-modal.tsx';
import { EditIntroductionModal } from './components/edit-introduction-modal.tsx';
import { useCandidate } from './queries/use-candidate.ts';

type T = (k: string, p?: Record<string, unknown>) => string;

function parseId(raw: string | undefined): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export function CandidatePage() {
  const t = useT();
  const me = useCurrentUser();
  const id = parseId(useParams().id);
  const candidate = useCandidate(id);
  usePageTitle(candidate.data ? (candidate.data.view === 'full' ? candidate.data.person.fullName : candidate.data.fullName) : null);
  if (!canCandidates.read(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  if (id === null) return <PageError error={new ApiError(404, 'NOT_FOUND')} />;
  if (candidate.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (candidate.isError) return <PageError error={candidate.error} onRetry={() => void candidate.refetch()} />;
  const c = candidate.data;
  return c.view === 'limited' ? <LimitedRecord c={c} t={t} /> : <FullRecord c={c} t={t} onReload={() => void candidate.refetch()} />;
}

function BackLink({ t }: { t: T }) {
  return (
    <Link to={lastCandidateListUrl()} style={{ alignSelf: 'flex-start' }}>
      ← {t('candidates.backToList')}
    </Link>
  );
}

/** What a front officer sees of a person they introduced: name, cell, status and dates (security.md item 4). */
function LimitedRecord({ c, t }: { c: CandidateLimited; t: T }) {
  return (
    <Flex vertical gap={16} style={{ maxWidth: 900 }}>
      <BackLink t={t} />
      <Space align="center" size={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {c.fullName}
        </Typography.Title>
        <CandidateStatusTag status={c.status} />
      </Space>
      <Alert type="info" showIcon title={t('candidates.limitedNotice')} />
      <Card title={t('candidates.limitedView')} size="small">
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'name', label: t('candidates.f.fullName'), children: <strong>{c.fullName}</strong> },
            { key: 'cell', label: t('candidates.f.organization'), children: c.organization.name },
            { key: 'status', label: t('candidates.f.status'), children: <CandidateStatusTag status={c.status} /> },
            { key: 'introducedOn', label: t('candidates.f.introducedOn'), children: showDate(c.introducedOn) },
            { key: 'statusChangedOn', label: t('candidates.f.statusChangedOn'), children: showDate(c.statusChangedOn) },
          ]}
        />
      </Card>
    </Flex>
  );
}

function FullRecord({ c, t, onReload }: { c: CandidateDetail; t: T; onReload: () => void }) {
  const me = useCurrentUser();
  const [helperOpen, setHelperOpen] = useState(false);
  const [editOpen, setEditOpen] = useState(false);
  const [statusTo, setStatusTo] = useState<'in_training' | 'withdrawn' | null>(null);
  const canManage = canCandidates.manage(me.role);
  const isOpen = c.status === 'introduced' || c.status === 'in_training' || c.status === 'applied';
  const p = c.person;
  const text = (v: string | null | undefined) => v || <Typography.Text type="secondary">—</Typography.Text>;

  const personal = [
    { key: 'fullName', label: t('candidates.f.fullName'), children: <strong>{p.fullName}</strong> },
    { key: 'gender', label: t('candidates.f.gender'), children: t(`gender.${p.gender}`) },
    { key: 'birthDate', label: t('candidates.f.birthDate'), children: showDate(p.birthDate) },
    { key: 'ethnicity', label: t('candidates.f.ethnicity'), children: ethnicityName(p.ethnicityCode) },
    { key: 'religion', label: t('candidates.f.religion'), children: religionLabel(t, p.religionCode) },
    { key: 'citizenId', label: t('candidates.f.citizenId'), children: text(p.citizenId) },
    { key: 'birthplace', label: t('candidates.f.birthplace'), children: text(p.birthplace) },
    { key: 'hometown', label: t('candidates.f.hometown'), children: text(p.hometown) },
    { key: 'permanentAddress', label: t('candidates.f.permanentAddress'), children: text(p.permanentAddress), span: 2 },
    { key: 'temporaryAddress', label: t('candidates.f.temporaryAddress'), children: text(p.temporaryAddress), span: 2 },
    { key: 'phone', label: t('candidates.f.phone'), children: text(p.phone) },
    { key: 'generalEducation', label: t('candidates.f.generalEducation'), children: text(p.generalEducation) },
    { key: 'professionalQualification', label: t('candidates.f.professionalQualification'), children: text(p.professionalQualification) },
    { key: 'occupation', label: t('candidates.f.occupation'), children: text(p.occupation) },
  ];

  const introduction = [
    { key: 'organization', label: t('candidates.f.organization'), children: c.organization.name, span: 2 },
    { key: 'massOrganization', label: t('candidates.f.massOrganization'), children: t(`candidates.massOrg.${c.massOrganization}`) },
    { key: 'massOrganizationName', label: t('candidates.f.massOrganizationName'), children: text(c.massOrganizationName) },
    { key: 'introducedOn', label: t('candidates.f.introducedOn'), children: showDate(c.introducedOn) },
    {
      key: 'introducer',
      label: t('candidates.f.introducer'),
      children: (
        <span>
          {c.introducer.displayName} <Typography.Text type="secondary">({t(`role.${c.introducer.role}`)})</Typography.Text>
        </span>
      ),
    },
    { key: 'reason', label: t('candidates.f.reason'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.reason}</span>, span: 2 },
  ];

  const historyText = (h: CandidateDetail['history'][number]) => {
    if (h.kind === 'status_changed') {
      return t('candidates.history.status_changed', {
        from: h.fromStatus ? t(`candidates.status.${h.fromStatus}`) : '',
        to: h.toStatus ? t(`candidates.status.${h.toStatus}`) : '',
      });
    }
    return t(`candidates.history.${h.kind}`, { helper: h.helper ?? '' });
  };

  return (
    <Flex vertical gap={16}>
      <BackLink t={t} />
      <Flex align="flex-start" justify="space-between" gap={16} wrap>
        <div>
          <Space align="center" size={12} wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {p.fullName}
            </Typography.Title>
            <CandidateStatusTag status={c.status} />
          </Space>
          <div>
            <Typography.Text type="secondary">
              {c.organization.name} · {t(`kind.${c.organization.kind}`)} · {t('candidates.f.statusChangedOn')}: {showDate(c.statusChangedOn)}
            </Typography.Text>
          </div>
        </div>
        {canManage && (
          <Space wrap>
            <Button onClick={() => setEditOpen(true)}>{t('candidates.action.edit')}</Button>
            {c.status === 'introduced' && <Button onClick={() => setStatusTo('in_training')}>{t('candidates.action.inTraining')}</Button>}
            {isOpen && (
              <Button danger onClick={() => setStatusTo('withdrawn')}>
                {t('candidates.action.withdraw')}
              </Button>
            )}
          </Space>
        )}
      </Flex>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card title={t('candidates.section.personal')} size="small">
              <Descriptions column={{ xs: 1, sm: 2 }} size="small" items={personal} />
            </Card>
            <Card title={t('candidates.section.introduction')} size="small">
              <Descriptions column={{ xs: 1, sm: 2 }} size="small" items={introduction} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card
              title={t('candidates.section.helper')}
              size="small"
              extra={
                canManage && isOpen ? (
                  <Button size="small" type={c.helper ? 'default' : 'primary'} onClick={() => setHelperOpen(true)}>
                    {c.helper ? t('candidates.action.changeHelper') : t('candidates.action.assignHelper')}
                  </Button>
                ) : undefined
              }
            >
              {c.helper ? (
                <Descriptions
                  column={1}
                  size="small"
                  items={[
                    { key: 'helper', label: t('candidates.f.helper'), children: <strong>{c.helper.fullName}</strong> },
                    { key: 'assignedOn', label: t('candidates.f.assignedOn'), children: showDate(c.helper.assignedOn) },
                  ]}
                />
              ) : (
                <Typography.Text type="secondary">{t('candidates.noHelper')}</Typography.Text>
              )}
            </Card>
            {canCandidates.seeCertificates(me.role) && <PersonCertificatesCard personId={p.id} title={t('candidates.section.certificates')} />}
            <Card title={t('candidates.section.history')} size="small">
              {c.history.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              ) : (
                <Timeline
                  style={{ marginTop: 8 }}
                  items={c.history.map((h) => ({
                    key: h.id,
                    color: h.kind === 'status_changed' && h.toStatus === 'withdrawn' ? 'gray' : h.kind === 'introduced' ? 'red' : 'blue',
                    content: (
                      <div>
                        <div>
                          <strong>{showDate(h.eventDate)}</strong> — {historyText(h)}
                        </div>
                        {h.note && h.kind !== 'updated' && <div style={{ whiteSpace: 'pre-wrap' }}>{h.note}</div>}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {h.actor ? `${t('candidates.history.by', { actor: h.actor })} · ` : ''}
                          {dayjs(h.createdAt).format('DD/MM/YYYY HH:mm')}
                        </Typography.Text>
                      </div>
                    ),
                  }))}
                />
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('candidates.admissionNote')}
              </Typography.Text>
            </Card>
          </Flex>
        </Col>
      </Row>

      {canManage && (
        <>
          <AssignHelperModal candidate={c} open={helperOpen} onClose={() => setHelperOpen(false)} onConflict={onReload} />
          <EditIntroductionModal candidate={c} open={editOpen} onClose={() => setEditOpen(false)} onConflict={onReload} />
          <ChangeStatusModal candidate={c} to={statusTo} onClose={() => setStatusTo(null)} onConflict={onReload} />
        </>
      )}
    </Flex>
  );
}
