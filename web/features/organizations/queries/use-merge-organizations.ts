import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganizationDetail, ZMergeOrganizations } from '../../../../common/contracts/organizations.contract.ts';
import { api } from '../../../api/http.ts';
import { invalidateAfterTreeChange } from './invalidate-after-change.ts';

/** POST /api/organizations/merge: the sources end; their members and children pass to the successor. */
export function useMergeOrganizations() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof ZMergeOrganizations>) => api.post<OrganizationDetail>('/api/organizations/merge', input),
    onSuccess: () => invalidateAfterTreeChange(qc),
  });
}
