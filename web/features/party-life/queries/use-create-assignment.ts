import type { z } from 'zod';
import type { Assignment, ZCreateAssignment } from '../../../../common/contracts/party-life.contract.ts';
import { api } from '../../../api/http.ts';
import { useChange } from './use-party-life-change.ts';

export type CreateAssignmentBody = z.input<typeof ZCreateAssignment>;

/** POST /api/organizations/:id/assignments */
export function useCreateAssignment(cellId: number) {
  return useChange((b: CreateAssignmentBody) => api.post<Assignment>(`/api/organizations/${cellId}/assignments`, b));
}
