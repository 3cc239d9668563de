import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { GradingReport } from '../../../../common/contracts/grading.contract.ts';
import { api } from '../../../api/http.ts';
import { gradingKeys } from './keys.ts';

export function useGradingReport(organizationId: number | undefined, year: number) {
  return useQuery({
    queryKey: gradingKeys.report(organizationId ?? 0, year),
    queryFn: () => api.get<GradingReport>('/api/grading/report', { organizationId, year }),
    enabled: organizationId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export const reportXlsxUrl = (organizationId: number, year: number) => `/api/grading/report.xlsx?organizationId=${organizationId}&year=${year}`;
