import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ComplianceView } from '../../../../common/contracts/meetings.contract.ts';
import { api } from '../../../api/http.ts';
import { meetingKeys } from './keys.ts';

export type ComplianceParams = { year: number; gapsOnly: boolean; page: number; pageSize: number };

/** GET /api/organizations/:id/meeting-compliance: every cell of the subtree × months (R-MGT-03), a page at a time. */
export function useCompliance(organizationId: number | null, params: ComplianceParams) {
  return useQuery({
    queryKey: meetingKeys.compliance(organizationId ?? 0, params),
    queryFn: () =>
      api.get<ComplianceView>(`/api/organizations/${organizationId}/meeting-compliance`, {
        year: params.year,
        gapsOnly: params.gapsOnly ? '1' : undefined,
        page: params.page,
        pageSize: params.pageSize,
      }),
    enabled: organizationId !== null,
    placeholderData: keepPreviousData,
  });
}
