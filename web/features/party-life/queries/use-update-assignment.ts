import type { z } from 'zod';
import type { Assignment, ZUpdateAssignment } from '../../../../common/contracts/party-life.contract.ts';
import { api } from '../../../api/http.ts';
import { useChange } from './use-party-life-change.ts';

export type UpdateAssignmentBody = z.input<typeof ZUpdateAssignment>;

/** PUT /api/assignments/:id */
export function useUpdateAssignment() {
  return useChange(({ id, ...b }: UpdateAssignmentBody & { id: number }) => api.put<Assignment>(`/api/assignments/${id}`, b));
}
