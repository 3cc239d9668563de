import { useQuery } from '@tanstack/react-query';
import type { OrganizationDetail } from '../../../../common/contracts/organizations.contract.ts';
import { api } from '../../../api/http.ts';
import { organizationKeys } from './keys.ts';

/** GET /api/organizations/:id: details, ancestors, children, history, events and competent bodies. */
export function useOrganization(id: number | null | undefined) {
  return useQuery({
    queryKey: organizationKeys.detail(id ?? 0),
    queryFn: () => api.get<OrganizationDetail>(`/api/organizations/${id}`),
    enabled: id != null && id > 0,
  });
}
