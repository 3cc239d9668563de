import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MeetingDetail, ZSaveAttendance } from '../../../../common/contracts/meetings.contract.ts';
import { api } from '../../../api/http.ts';
import { useAfterMeetingChange } from './use-meeting-change.ts';

export type SaveAttendanceBody = z.input<typeof ZSaveAttendance>;

/** PUT /api/meetings/:id/attendance: the whole sheet at once. */
export function useSaveAttendance(id: number) {
  const after = useAfterMeetingChange();
  return useMutation({
    mutationFn: (body: SaveAttendanceBody) => api.put<MeetingDetail>(`/api/meetings/${id}/attendance`, body),
    onSuccess: after,
  });
}
