import type { z } from 'zod';
import type { ViolationRecord, ZCreateViolation } from '../../../../common/contracts/conduct.contract.ts';
import { api } from '../../../api/http.ts';
import { useConductChange } from './use-conduct-change.ts';

export type CreateViolationBody = z.input<typeof ZCreateViolation>;

/** POST /api/members/:id/violations */
export function useRecordViolation() {
  return useConductChange(({ memberId, ...b }: CreateViolationBody & { memberId: number }) => api.post<ViolationRecord>(`/api/members/${memberId}/violations`, b));
}
