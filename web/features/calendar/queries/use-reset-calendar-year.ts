import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarYearResponse } from '../../../../common/contracts/calendar.contract.ts';
import { api } from '../../../api/http.ts';
import { calendarKeys } from './keys.ts';

/** DELETE /api/calendar/:year?version=: back to the computed schedule (the stored one stays in the history). */
export function useResetCalendarYear() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ year, version, note }: { year: number; version: number; note?: string }) => {
      const qs = new URLSearchParams({ version: String(version) });
      if (note) qs.set('note', note);
      return api.delete<CalendarYearResponse>(`/api/calendar/${year}?${qs}`);
    },
    onSuccess: (saved) => {
      qc.setQueryData(calendarKeys.year(saved.year), saved);
      void qc.invalidateQueries({ queryKey: calendarKeys.all });
    },
  });
}
