import { useQuery } from '@tanstack/react-query';
import type { MeetingDetail } from '../../../../common/contracts/meetings.contract.ts';
import { api } from '../../../api/http.ts';
import { meetingKeys } from './keys.ts';

/** GET /api/meetings/:id: the meeting with its attendance sheet. */
export function useMeeting(id: number | null) {
  return useQuery({
    queryKey: meetingKeys.meeting(id ?? 0),
    queryFn: () => api.get<MeetingDetail>(`/api/meetings/${id}`),
    enabled: id !== null,
  });
}
