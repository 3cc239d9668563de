import { useQuery } from '@tanstack/react-query';
import type { CalendarYearResponse } from '../../../../common/contracts/calendar.contract.ts';
import { api } from '../../../api/http.ts';
import { calendarKeys } from './keys.ts';

/** GET /api/calendar/:year: the schedule in force (stored or computed), every day off named. */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: () => api.get<CalendarYearResponse>(`/api/calendar/${year}`),
  });
}
