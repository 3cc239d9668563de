import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, UserWithPassword } from '../../../../common/contracts/users.contract.ts';
import { api } from '../../../api/http.ts';
import { userKeys } from './keys.ts';

/** POST /api/users: answers the account and, when the server generated it, the one-time password. */
export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<UserWithPassword>('/api/users', input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}
