import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MeetingDetail, ZCreateMeeting } from '../../../../common/contracts/meetings.contract.ts';
import { api } from '../../../api/http.ts';
import { useAfterMeetingChange } from './use-meeting-change.ts';

export type CreateMeetingBody = z.input<typeof ZCreateMeeting>;

/** POST /api/organizations/:id/meetings */
export function useCreateMeeting(cellId: number) {
  const after = useAfterMeetingChange();
  return useMutation({
    mutationFn: (body: CreateMeetingBody) => api.post<MeetingDetail>(`/api/organizations/${cellId}/meetings`, body),
    onSuccess: after,
  });
}
