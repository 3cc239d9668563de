import { Alert, App, Button, Flex, Input, type InputRef, Radio, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ATTENDANCE_STATUSES, type AttendanceRow, type AttendanceStatus, type MeetingDetail } from '../../../../common/contracts/meetings.contract.ts';
import { ApiError } from '../../../api/http.ts';
import { errorText, fieldText } from '../../../components/api-error.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useSaveAttendance } from '../queries/use-save-attendance.ts';

// The whole cell on one screen (issue 4 item 1): a row per member with a radio group, driven from the keyboard —
// ↑/↓ move between rows, 1/2/3 (or ←/→) choose present / excused / absent without reason, 2 jumps to the reason,
// Enter in the reason goes to the next row, Ctrl+S saves. One save sends the whole sheet.

type Mark = { status: AttendanceStatus | null; reason: string };
const NONE = 'none' as const;

function marksOf(sheet: AttendanceRow[]): Map<number, Mark> {
  return new Map(sheet.map((r) => [r.memberId, { status: r.status, reason: r.reason ?? '' }]));
}

interface Props {
  meeting: MeetingDetail;
  canEdit: boolean;
}

export function AttendanceSheet({ meeting, canEdit }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSaveAttendance(meeting.id);
  const [marks, setMarks] = useState(() => marksOf(meeting.sheet));
  const [dirty, setDirty] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const [rowErrors, setRowErrors] = useState<Map<number, string[]>>(new Map());
  const [refusal, setRefusal] = useState<string | null>(null);
  const reasonRefs = useRef(new Map<number, InputRef | null>());
  const tableRef = useRef<HTMLDivElement>(null);
  const editable = canEdit && meeting.status === 'held';

  // A new version of the meeting (saved here or elsewhere) resets the sheet to what is stored.
  useEffect(() => {
    setMarks(marksOf(meeting.sheet));
    setDirty(false);
    setRowErrors(new Map());
  }, [meeting.id, meeting.version, meeting.sheet]);

  const rows = meeting.sheet;
  const set = useCallback((memberId: number, patch: Partial<Mark>) => {
    setMarks((prev) => {
      const next = new Map(prev);
      next.set(memberId, { ...(prev.get(memberId) ?? { status: null, reason: '' }), ...patch });
      return next;
    });
    setDirty(true);
    setRowErrors((prev) => {
      if (!prev.has(memberId)) return prev;
      const next = new Map(prev);
      next.delete(memberId);
      return next;
    });
  }, []);

  const focusRow = (index: number) => {
    const i = Math.max(0, Math.min(rows.length - 1, index));
    tableRef.current?.querySelector<HTMLElement>(`[data-attendance-row="${i}"]`)?.focus();
  };
  // The reason input is enabled only once the new status is rendered: focus it after that commit, not before.
  const [reasonToFocus, setReasonToFocus] = useState<number | null>(null);
  useEffect(() => {
    if (reasonToFocus === null) return;
    reasonRefs.current.get(reasonToFocus)?.focus();
    setReasonToFocus(null);
  }, [reasonToFocus, marks]);
  const focusReason = (memberId: number) => setReasonToFocus(memberId);

  const counts = useMemo(() => {
    const c = { expected: 0, present: 0, absent_with_reason: 0, absent_without_reason: 0, unmarked: 0 };
    for (const r of rows) {
      const m = marks.get(r.memberId);
      if (r.expected) c.expected++;
      if (m?.status) c[m.status]++;
      else if (r.expected) c.unmarked++;
    }
    return c;
  }, [rows, marks]);

  const allPresent = () => {
    for (const r of rows) if (r.expected && !marks.get(r.memberId)?.status) set(r.memberId, { status: 'present' });
  };

  const submit = async () => {
    if (!editable || save.isPending) return;
    const errors = new Map<number, string[]>();
    for (const r of rows) {
      const m = marks.get(r.memberId);
      if (r.expected && !m?.status) errors.set(r.memberId, [t('meetings.sheet.needsStatus')]);
      if (m?.status === 'absent_with_reason' && !m.reason.trim()) errors.set(r.memberId, [t('field.reason_required')]);
    }
    setRowErrors(errors);
    if (errors.size) {
      setRefusal(t('meetings.sheet.incomplete', { n: errors.size }));
      const first = rows.findIndex((r) => errors.has(r.memberId));
      if (first >= 0) focusRow(first);
      return;
    }
    const entries = rows
      .filter((r) => marks.get(r.memberId)?.status)
      .map((r) => {
        const m = marks.get(r.memberId)!;
        return { memberId: r.memberId, status: m.status!, reason: m.status === 'present' ? null : m.reason.trim() || null };
      });
    setRefusal(null);
    try {
      await save.mutateAsync({ version: meeting.version, entries });
      void message.success(t('meetings.sheet.saved'));
    } catch (err) {
      setRefusal(errorText(t, err));
      if (err instanceof ApiError) {
        const byRow = new Map<number, string[]>();
        const other: string[] = [];
        for (const f of err.fields) {
          const hit = /^(?:body\.)?entries\.(\d+)\./.exec(f.path);
          const memberId = hit ? entries[Number(hit[1])]?.memberId : undefined;
          if (memberId !== undefined) byRow.set(memberId, [...(byRow.get(memberId) ?? []), fieldText(t, f.code, f.params ?? {})]);
          else other.push(fieldText(t, f.code, f.params ?? {}));
        }
        setRowErrors(byRow);
        if (other.length) setRefusal(`${errorText(t, err)} ${other.join(' ')}`);
      }
    }
  };

  const choose = (r: AttendanceRow, index: number, status: AttendanceStatus | typeof NONE) => {
    set(r.memberId, { status: status === NONE ? null : status });
    if (status === 'absent_with_reason') focusReason(r.memberId);
    else focusRow(index + 1);
  };

  const onRowKey = (e: React.KeyboardEvent<HTMLElement>, r: AttendanceRow, index: number) => {
    const target = e.target as HTMLElement;
    const inText = target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'radio';
    if (e.key === 'ArrowDown' || (inText && e.key === 'Enter')) {
      e.preventDefault();
      focusRow(index + 1);
      return;
    }
    if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(index - 1);
      return;
    }
    if (inText) {
      if (e.key === 'Escape') focusRow(index);
      return;
    }
    if (!editable) return;
    const digit = ['1', '2', '3'].indexOf(e.key);
    if (digit >= 0) {
      e.preventDefault();
      choose(r, index, ATTENDANCE_STATUSES[digit]);
      return;
    }
    if ((e.key === '0' || e.key === 'Delete' || e.key === 'Backspace') && !r.expected) {
      e.preventDefault();
      set(r.memberId, { status: null });
      return;
    }
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      // Also stops the browser moving the radio selection by itself: the row decides.
      e.preventDefault();
      const current = marks.get(r.memberId)?.status ?? null;
      const i = current === null ? -1 : ATTENDANCE_STATUSES.indexOf(current);
      const n = ATTENDANCE_STATUSES.length;
      const next = e.key === 'ArrowRight' ? (i + 1) % n : i <= 0 ? n - 1 : i - 1;
      set(r.memberId, { status: ATTENDANCE_STATUSES[next] });
    }
  };

  const columns = [
    {
      key: 'n',
      title: '#',
      width: 48,
      render: (_: unknown, _r: AttendanceRow, i: number) => <Typography.Text type="secondary">{i + 1}</Typography.Text>,
    },
    {
      key: 'name',
      title: t('meetings.sheet.member'),
      width: 260,
      render: (_: unknown, r: AttendanceRow) => (
        <Flex vertical gap={2}>
          <Typography.Text strong={r.expected} type={r.expected ? undefined : 'secondary'}>
            {r.fullName}
          </Typography.Text>
          <Space size={4} wrap>
            {r.memberStatus === 'probationary' && <Tag color="gold">{t('status.probationary')}</Tag>}
            {!r.expected && (
              <Tooltip title={t(`meetings.expectation.${r.expectation}.hint`)}>
                <Tag color={r.expectation === 'exempted' ? 'orange' : 'blue'}>{t(`meetings.expectation.${r.expectation}`)}</Tag>
              </Tooltip>
            )}
            {r.formerMember && <Tag>{t('meetings.sheet.formerMember')}</Tag>}
          </Space>
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('meetings.sheet.attendance'),
      width: 500,
      render: (_: unknown, r: AttendanceRow, i: number) => {
        const value = marks.get(r.memberId)?.status ?? (r.expected ? null : NONE);
        return (
          <Radio.Group
            value={value}
            disabled={!editable}
            optionType="button"
            // Not expected (exempted, away): the mark is optional, so it is drawn quietly.
            buttonStyle={r.expected ? 'solid' : 'outline'}
            size="small"
            onChange={(e) => choose(r, i, e.target.value)}
            aria-label={t('meetings.sheet.attendanceOf', { name: r.fullName })}
            options={[
              ...ATTENDANCE_STATUSES.map((s, k) => ({ value: s, label: `${k + 1} · ${t(`meetings.att.${s}`)}` })),
              ...(r.expected ? [] : [{ value: NONE, label: t('meetings.sheet.notRecorded') }]),
            ]}
          />
        );
      },
    },
    {
      key: 'reason',
      title: t('meetings.sheet.reason'),
      render: (_: unknown, r: AttendanceRow) => {
        const m = marks.get(r.memberId);
        const absent = m?.status === 'absent_with_reason' || m?.status === 'absent_without_reason';
        const missing = m?.status === 'absent_with_reason' && !m.reason.trim();
        return (
          <Flex vertical gap={2}>
            <Input
              ref={(el) => {
                reasonRefs.current.set(r.memberId, el);
              }}
              size="small"
              value={m?.reason ?? ''}
              disabled={!editable || !absent}
              status={missing && rowErrors.has(r.memberId) ? 'error' : undefined}
              maxLength={300}
              placeholder={m?.status === 'absent_with_reason' ? t('meetings.sheet.reasonRequired') : absent ? t('meetings.sheet.reasonOptional') : ''}
              onChange={(e) => set(r.memberId, { reason: e.target.value })}
              aria-label={t('meetings.sheet.reasonOf', { name: r.fullName })}
            />
            {rowErrors.has(r.memberId) && (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {rowErrors.get(r.memberId)!.join(' ')}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
  ];

  return (
    <div
      ref={tableRef}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void submit();
        }
      }}
    >
      {meeting.status !== 'held' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('meetings.sheet.notHeld')} />}
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Space wrap size={[8, 4]}>
          <Tag>{t('meetings.sheet.expected', { n: counts.expected })}</Tag>
          <Tag color="green">{t('meetings.att.present')}: {counts.present}</Tag>
          <Tag color="orange">{t('meetings.att.absent_with_reason')}: {counts.absent_with_reason}</Tag>
          <Tag color="red">{t('meetings.att.absent_without_reason')}: {counts.absent_without_reason}</Tag>
          {counts.unmarked > 0 && <Tag color="default">{t('meetings.sheet.unmarked', { n: counts.unmarked })}</Tag>}
          {dirty && <Typography.Text type="warning">{t('meetings.sheet.unsaved')}</Typography.Text>}
        </Space>
        {editable && (
          <Space wrap>
            <Tooltip title={t('meetings.sheet.allPresentHint')}>
              <Button onClick={allPresent} disabled={counts.unmarked === 0}>
                {t('meetings.sheet.allPresent')}
              </Button>
            </Tooltip>
            <Button type="primary" onClick={() => void submit()} loading={save.isPending} disabled={!dirty && meeting.attendanceRecordedAt !== null}>
              {t('meetings.sheet.save')}
            </Button>
          </Space>
        )}
      </Flex>
      {editable && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('meetings.sheet.keys')}
        </Typography.Paragraph>
      )}
      {refusal && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={refusal} />}
      <Table<AttendanceRow>
        rowKey="memberId"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: t('meetings.sheet.empty') }}
        sticky
        onRow={(r, i) => ({
          tabIndex: 0,
          'data-attendance-row': i,
          onFocus: () => setActive(i ?? null),
          onKeyDown: (e: React.KeyboardEvent<HTMLElement>) => onRowKey(e, r, i ?? 0),
          style: {
            outline: 'none',
            background: rowErrors.has(r.memberId) ? '#fff1f0' : active === i ? '#fffbe6' : r.expected ? undefined : '#fafafa',
            boxShadow: active === i ? 'inset 3px 0 0 #b71c1c' : undefined,
          },
        }) as React.HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
