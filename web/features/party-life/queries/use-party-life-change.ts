import { useMutation, useQueryClient } from '@tanstack/react-query';
import { partyLifeKeys } from './keys.ts';

/** A party-life change: on success every party-life view is refreshed (they share one key root). */
export function useChange<B, R>(send: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => void qc.invalidateQueries({ queryKey: partyLifeKeys.all }) });
}
