import { Tag } from 'antd';
import type { AttendanceStatus, MeetingKind, MeetingStatus } from '../../../../common/contracts/meetings.contract.ts';
import { useI18n, useT } from '../../../i18n/i18n.tsx';

const KIND_COLOR: Record<MeetingKind, string> = { regular: 'geekblue', thematic: 'purple' };
const STATUS_COLOR: Record<MeetingStatus, string> = { planned: 'default', held: 'green', cancelled: 'red' };
export const ATTENDANCE_COLOR: Record<AttendanceStatus, string> = { present: 'green', absent_with_reason: 'orange', absent_without_reason: 'red' };

export function MeetingKindTag({ kind }: { kind: MeetingKind }) {
  const t = useT();
  return <Tag color={KIND_COLOR[kind]} style={{ marginInlineEnd: 0 }}>{t(`meetings.kind.${kind}`)}</Tag>;
}

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>{t(`meetings.status.${status}`)}</Tag>;
}

export function AttendanceTag({ status }: { status: AttendanceStatus }) {
  const t = useT();
  return <Tag color={ATTENDANCE_COLOR[status]} style={{ marginInlineEnd: 0 }}>{t(`meetings.att.${status}`)}</Tag>;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const EN_MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A month inside a sentence: 'tháng 5' in Vietnamese, 'May' in English. */
export function useMonthInText() {
  const { locale } = useI18n();
  return (m: number) => (locale === 'vi' ? `tháng ${m}` : EN_MONTH_NAMES[m - 1]);
}

/** 'T5' in Vietnamese (tháng 5), 'May' in English. */
export function useMonthLabel() {
  const { locale } = useI18n();
  return (m: number) => (locale === 'vi' ? `T${m}` : EN_MONTHS[m - 1]);
}
