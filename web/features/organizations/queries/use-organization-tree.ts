import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TreeResponse } from '../../../../common/contracts/organizations.contract.ts';
import { api } from '../../../api/http.ts';
import { organizationKeys } from './keys.ts';

/** GET /api/organizations/tree?asOf=YYYY-MM-DD: the organizations valid on that date inside the user's scope. */
export function useOrganizationTree(asOf: string) {
  return useQuery({
    queryKey: organizationKeys.tree(asOf),
    queryFn: () => api.get<TreeResponse>('/api/organizations/tree', { asOf }),
    // Moving the date keeps the previous tree on screen until the next one arrives.
    placeholderData: keepPreviousData,
  });
}
