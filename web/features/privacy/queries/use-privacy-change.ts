import { useMutation, useQueryClient } from '@tanstack/react-query';
import { privacyKeys } from './keys.ts';

/** A change to a request: every list (and its counts) is refreshed. */
export function usePrivacyChange<B, R>(send: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: privacyKeys.lists() });
    },
  });
}
