import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MeetingDetail, ZUpdateMeeting } from '../../../../common/contracts/meetings.contract.ts';
import { api } from '../../../api/http.ts';
import { useAfterMeetingChange } from './use-meeting-change.ts';

export type UpdateMeetingBody = z.input<typeof ZUpdateMeeting>;

/** PUT /api/meetings/:id (compare-and-set on version). */
export function useUpdateMeeting(id: number) {
  const after = useAfterMeetingChange();
  return useMutation({
    mutationFn: (body: UpdateMeetingBody) => api.put<MeetingDetail>(`/api/meetings/${id}`, body),
    onSuccess: after,
  });
}
