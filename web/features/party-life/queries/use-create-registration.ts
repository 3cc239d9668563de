import type { z } from 'zod';
import type { Registration, ZCreateRegistration } from '../../../../common/contracts/party-life.contract.ts';
import { api } from '../../../api/http.ts';
import { useChange } from './use-party-life-change.ts';

export type CreateRegistrationBody = z.input<typeof ZCreateRegistration>;

/** POST /api/residence-registrations */
export function useCreateRegistration() {
  return useChange((b: CreateRegistrationBody) => api.post<Registration>('/api/residence-registrations', b));
}
