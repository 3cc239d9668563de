import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ScreeningRun, ScreeningRunList } from '../../../../common/contracts/screening.contract.ts';
import { api } from '../../../api/http.ts';
import { screeningKeys } from './keys.ts';

/** The recent runs of a scope and year; while one is running the list is polled (the run records its progress). */
export function useScreeningRuns(organizationId: number | undefined, year: number) {
  return useQuery({
    queryKey: screeningKeys.runs(organizationId ?? 0, year),
    queryFn: () => api.get<ScreeningRunList>('/api/screening/runs', { organizationId, year }),
    enabled: organizationId !== undefined,
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'running') ? 700 : false),
  });
}

export function useStartRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { organizationId: number; year: number }) => api.post<ScreeningRun>('/api/screening/runs', body),
    onSuccess: (run) => {
      void qc.invalidateQueries({ queryKey: screeningKeys.runs(run.organization.id, run.year) });
    },
  });
}
