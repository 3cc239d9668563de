import { useQueries } from '@tanstack/react-query';
import type { OrganizationDetail } from '../../../../common/contracts/organizations.contract.ts';
import { api } from '../../../api/http.ts';
import { organizationKeys } from './keys.ts';

/** Several organizations' details at once (a merger sends the version of every source it ends). */
export function useOrganizationDetails(ids: readonly number[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: organizationKeys.detail(id),
      queryFn: () => api.get<OrganizationDetail>(`/api/organizations/${id}`),
    })),
  });
}
