import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Oversight, ScreeningReport } from '../../../../common/contracts/screening.contract.ts';
import { api } from '../../../api/http.ts';
import { screeningKeys } from './keys.ts';

export function useOversight(organizationId: number | undefined, year: number) {
  return useQuery({
    queryKey: screeningKeys.oversight(organizationId ?? 0, year),
    queryFn: () => api.get<Oversight>('/api/screening/oversight', { organizationId, year }),
    enabled: organizationId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useScreeningReport(organizationId: number | undefined, year: number) {
  return useQuery({
    queryKey: screeningKeys.report(organizationId ?? 0, year),
    queryFn: () => api.get<ScreeningReport>('/api/screening/report', { organizationId, year }),
    enabled: organizationId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export const reportXlsxUrl = (organizationId: number, year: number) => `/api/screening/report.xlsx?organizationId=${organizationId}&year=${year}`;
