import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZPlanMeetings } from '../../../../common/contracts/meetings.contract.ts';
import { api } from '../../../api/http.ts';
import { useAfterMeetingChange } from './use-meeting-change.ts';

export type PlanMeetingsBody = z.input<typeof ZPlanMeetings>;

/** POST /api/organizations/:id/meetings/plan: a year of regular and thematic meetings (R-MGT-03). */
export function usePlanMeetings(cellId: number) {
  const after = useAfterMeetingChange();
  return useMutation({
    mutationFn: (body: PlanMeetingsBody) => api.post<{ created: number; skipped: number }>(`/api/organizations/${cellId}/meetings/plan`, body),
    onSuccess: () => after(),
  });
}
