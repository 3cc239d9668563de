import type { JobRunsQuery, WorkingDaysQuery } from '../../../../common/contracts/calendar.contract.ts';

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => [...calendarKeys.all, 'year', year] as const,
  workingDays: (q: WorkingDaysQuery) => [...calendarKeys.all, 'working-days', q] as const,
  jobRuns: (q: Partial<JobRunsQuery>) => ['jobs', 'runs', q] as const,
};
