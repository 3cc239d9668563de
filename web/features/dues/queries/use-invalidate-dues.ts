import { useQueryClient } from '@tanstack/react-query';

/** Every dues view is recomputed from the same facts: after any change, all cached dues queries are refreshed. */
export function useInvalidateDues() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['dues'] });
}
