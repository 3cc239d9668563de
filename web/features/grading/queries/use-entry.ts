import { useQuery } from '@tanstack/react-query';
import type { EntryDetail } from '../../../../common/contracts/grading.contract.ts';
import { api } from '../../../api/http.ts';
import { gradingKeys } from './keys.ts';

export function useEntry(id: number | null) {
  return useQuery({
    queryKey: gradingKeys.entry(id ?? 0),
    queryFn: () => api.get<EntryDetail>(`/api/grading/entries/${id}`),
    enabled: id !== null,
  });
}
