import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZTreeResponse } from '../../../../common/contracts/organizations.contract.ts';
import { api } from '../../../api/http.ts';
import { organizationTreeKey } from './keys.ts';

export type OrganizationTree = z.infer<typeof ZTreeResponse>;

/** Today's organization tree within the user's scope, for the organization pickers of the member screens. */
export function useOrganizationTree(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: organizationTreeKey,
    queryFn: () => api.get<OrganizationTree>('/api/organizations/tree'),
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}
