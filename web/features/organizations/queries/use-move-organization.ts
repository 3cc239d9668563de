import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganizationDetail, ZMoveOrganization } from '../../../../common/contracts/organizations.contract.ts';
import { api } from '../../../api/http.ts';
import { invalidateAfterTreeChange } from './invalidate-after-change.ts';

/** POST /api/organizations/:id/move: under a new parent committee, with its whole subtree. */
export function useMoveOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number } & z.input<typeof ZMoveOrganization>) => api.post<OrganizationDetail>(`/api/organizations/${id}/move`, input),
    onSuccess: () => invalidateAfterTreeChange(qc),
  });
}
