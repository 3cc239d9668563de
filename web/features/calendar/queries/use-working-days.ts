import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { WorkingDaysQuery, WorkingDaysResponse } from '../../../../common/contracts/calendar.contract.ts';
import { api } from '../../../api/http.ts';
import { calendarKeys } from './keys.ts';

/** GET /api/calendar/working-days: the date n working days after `from` (deadline preview). */
export function useWorkingDays(q: WorkingDaysQuery | null) {
  return useQuery({
    queryKey: calendarKeys.workingDays(q ?? { from: '', days: 0 }),
    queryFn: () => api.get<WorkingDaysResponse>('/api/calendar/working-days', { from: q!.from, days: q!.days }),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}
