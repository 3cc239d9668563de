import { useQuery } from '@tanstack/react-query';
import type { JobRunsResponse } from '../../../../common/contracts/calendar.contract.ts';
import { api } from '../../../api/http.ts';
import { calendarKeys } from './keys.ts';

/** GET /api/jobs/runs: the latest runs of the scheduled sweeps (administrators). */
export function useJobRuns(enabled: boolean, limit = 20) {
  return useQuery({
    queryKey: calendarKeys.jobRuns({ limit }),
    queryFn: () => api.get<JobRunsResponse>('/api/jobs/runs', { limit }),
    enabled,
  });
}
