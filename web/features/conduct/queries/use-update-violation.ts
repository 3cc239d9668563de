import type { z } from 'zod';
import type { ViolationRecord, ZUpdateViolation } from '../../../../common/contracts/conduct.contract.ts';
import { api } from '../../../api/http.ts';
import { useConductChange } from './use-conduct-change.ts';

export type UpdateViolationBody = z.input<typeof ZUpdateViolation>;

/** PUT /api/violations/:id */
export function useUpdateViolation() {
  return useConductChange(({ id, ...b }: UpdateViolationBody & { id: number }) => api.put<ViolationRecord>(`/api/violations/${id}`, b));
}
