import type { QueryClient } from '@tanstack/react-query';
import { organizationKeys } from './keys.ts';

/** A change to the tree can move members (merger, split) and rename what every list shows: refresh both. */
export function invalidateAfterTreeChange(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: organizationKeys.all });
  void qc.invalidateQueries({ queryKey: ['members'] });
  void qc.invalidateQueries({ queryKey: ['users'] });
}
