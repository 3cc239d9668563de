import type { z } from 'zod';
import type { Registration, ZUpdateRegistration } from '../../../../common/contracts/party-life.contract.ts';
import { api } from '../../../api/http.ts';
import { useChange } from './use-party-life-change.ts';

export type UpdateRegistrationBody = z.input<typeof ZUpdateRegistration>;

/** PUT /api/residence-registrations/:id */
export function useUpdateRegistration() {
  return useChange(({ id, ...b }: UpdateRegistrationBody & { id: number }) => api.put<Registration>(`/api/residence-registrations/${id}`, b));
}
