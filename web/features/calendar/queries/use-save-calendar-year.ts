import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarYearResponse, SaveCalendarYearInput } from '../../../../common/contracts/calendar.contract.ts';
import { api } from '../../../api/http.ts';
import { calendarKeys } from './keys.ts';

/** PUT /api/calendar/:year with the version last seen (a stale one answers CONFLICT). */
export function useSaveCalendarYear() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ year, ...input }: SaveCalendarYearInput & { year: number }) => api.put<CalendarYearResponse>(`/api/calendar/${year}`, input),
    onSuccess: (saved) => {
      qc.setQueryData(calendarKeys.year(saved.year), saved);
      void qc.invalidateQueries({ queryKey: calendarKeys.all });
    },
  });
}
