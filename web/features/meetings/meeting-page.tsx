import { App, Breadcrumb, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { MINUTES_FILE_MAX_BYTES, MINUTES_FILE_TYPES, type MeetingDetail } from '../../../common/contracts/meetings.contract.ts';
import { ApiError } from '../../api/http.ts';
import { errorText, fieldText } from '../../components/api-error.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { canPartyLife } from '../party-life/can-party-life.ts';
import { AttendanceSheet } from './components/attendance-sheet.tsx';
import { MeetingFormModal, meetingValues } from './components/meeting-form-modal.tsx';
import { MeetingKindTag, MeetingStatusTag } from './components/meeting-tags.tsx';
import { useMeeting } from './queries/use-meeting.ts';
import { useUpdateMeeting } from './queries/use-update-meeting.ts';
import { useUploadMinutes } from './queries/use-upload-minutes.ts';

function parseId(s: string | undefined): number | null {
  const n = Number(s);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** One meeting: what it was, its minutes (text and scan), and the attendance of the whole cell. */
export function MeetingPage() {
  const t = useT();
  const id = parseId(useParams().id);
  const meeting = useMeeting(id);
  usePageTitle(meeting.data ? t(`meetings.page.title.${meeting.data.kind}`, { date: showDate(meeting.data.date) }) : null);
  if (id === null) return <PageError error={new ApiError(404, 'NOT_FOUND')} />;
  if (meeting.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (meeting.isError) return <PageError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  return <MeetingView m={meeting.data} />;
}

function MeetingView({ m }: { m: MeetingDetail }) {
  const t = useT();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<'edit' | 'held' | null>(null);
  const update = useUpdateMeeting(m.id);
  const upload = useUploadMinutes(m.id);
  const canEdit = canPartyLife.manageMeetings(me.role);
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const paragraphs = (text: string | null) =>
    text ? text.split(/\n+/).map((p, i) => <Typography.Paragraph key={i} style={{ marginBottom: 6 }}>{p}</Typography.Paragraph>) : none;

  const onUpload = async (file: File) => {
    try {
      await upload.mutateAsync({ file, version: m.version });
      void message.success(t('meetings.file.uploaded'));
    } catch (err) {
      const detail = err instanceof ApiError ? err.fields.map((f) => fieldText(t, f.code, f.params ?? {})).join(' ') : '';
      void message.error(detail || errorText(t, err));
    }
  };

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { key: 'home', title: <Link to="/party-life">{t('nav.partyLife')}</Link> },
          { key: 'cell', title: <Link to={`/party-life/cells/${m.organization.id}`}>{m.organization.name}</Link> },
          { key: 'm', title: showDate(m.date) },
        ]}
      />
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Space align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t(`meetings.page.title.${m.kind}`, { date: showDate(m.date) })}
            </Typography.Title>
            <MeetingKindTag kind={m.kind} />
            <MeetingStatusTag status={m.status} />
          </Space>
          <div>
            <Typography.Text type="secondary">{m.organization.name}</Typography.Text>
          </div>
        </div>
        {canEdit && (
          <Space wrap>
            {m.status === 'planned' && (
              <Button type="primary" onClick={() => setEditing('held')}>
                {t('meetings.page.recordHeld')}
              </Button>
            )}
            <Button onClick={() => setEditing('edit')}>{t('meetings.page.edit')}</Button>
          </Space>
        )}
      </Flex>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('meetings.page.details')} size="small" style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              styles={{ label: { width: 170 } }}
              items={[
                { key: 'date', label: t('meetings.f.date'), children: showDate(m.date) },
                ...(m.plannedOn && m.plannedOn !== m.date ? [{ key: 'planned', label: t('meetings.f.plannedOn'), children: showDate(m.plannedOn) }] : []),
                { key: 'kind', label: t('meetings.f.kind'), children: t(`meetings.kind.${m.kind}`) },
                { key: 'topic', label: t('meetings.f.topic'), children: m.topic ?? none },
                { key: 'chair', label: t('meetings.f.chair'), children: m.chair ?? none },
                { key: 'taker', label: t('meetings.f.minuteTaker'), children: m.minuteTaker ?? none },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('meetings.page.minutes')} size="small" style={{ height: '100%' }}>
            <Typography.Text strong>{t('meetings.f.minutes')}</Typography.Text>
            <div style={{ marginTop: 4, marginBottom: 12, maxHeight: 220, overflow: 'auto' }}>{paragraphs(m.minutes)}</div>
            <Typography.Text strong>{t('meetings.f.resolutions')}</Typography.Text>
            <div style={{ marginTop: 4, marginBottom: 12 }}>{paragraphs(m.resolutions)}</div>
            <Flex align="center" gap={12} wrap>
              <Typography.Text strong>{t('meetings.file.label')}</Typography.Text>
              {m.minutesFile ? (
                <a href={`/api/meetings/${m.id}/minutes-file`} download={m.minutesFile.fileName}>
                  📎 {m.minutesFile.fileName} ({(m.minutesFile.sizeBytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 0 })} KB)
                </a>
              ) : (
                none
              )}
              {canEdit && (
                <Upload
                  accept={MINUTES_FILE_TYPES.join(',')}
                  showUploadList={false}
                  beforeUpload={(file) => {
                    if (file.size > MINUTES_FILE_MAX_BYTES) {
                      void message.error(fieldText(t, 'file_too_large'));
                      return Upload.LIST_IGNORE;
                    }
                    void onUpload(file);
                    return false;
                  }}
                >
                  <Button size="small" loading={upload.isPending}>
                    {m.minutesFile ? t('meetings.file.replace') : t('meetings.file.upload')}
                  </Button>
                </Upload>
              )}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('meetings.file.hint')}
            </Typography.Text>
          </Card>
        </Col>
      </Row>

      <Card title={t('meetings.page.attendance')} size="small">
        <AttendanceSheet meeting={m} canEdit={canEdit} />
      </Card>

      {editing && (
        <MeetingFormModal
          title={editing === 'held' ? t('meetings.page.recordHeld') : t('meetings.page.edit')}
          initial={{ ...meetingValues(m), ...(editing === 'held' ? { status: 'held' } : {}) }}
          names={m.sheet.map((s) => s.fullName)}
          onClose={() => setEditing(null)}
          onSubmit={(v) => update.mutateAsync({ ...v, version: m.version })}
        />
      )}
    </Flex>
  );
}
