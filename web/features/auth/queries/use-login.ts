import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../../common/contracts/auth.contract.ts';
import { api } from '../../../api/http.ts';
import { authKeys } from './keys.ts';

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => api.post<Me>('/api/auth/login', input),
    onSuccess: (me) => {
      // A new session may be another user: nothing cached from before may leak into it.
      qc.clear();
      qc.setQueryData(authKeys.me(), me);
    },
  });
}
