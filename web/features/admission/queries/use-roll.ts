import { useQuery } from '@tanstack/react-query';
import type { Roll } from '../../../../common/contracts/admission.contract.ts';
import { api } from '../../../api/http.ts';
import { admissionKeys } from './keys.ts';

/** The cell's members on a meeting date, with exemptions and temporary transfers on record. */
export function useRoll(id: number, date: string | null | undefined) {
  return useQuery({
    queryKey: admissionKeys.roll(id, date ?? ''),
    queryFn: () => api.get<Roll>(`/api/admissions/${id}/roll`, { date: date! }),
    enabled: Boolean(date),
  });
}
