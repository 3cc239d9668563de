import { useQuery } from '@tanstack/react-query';
import type { RuleSetsResponse } from '../../../../common/contracts/rule-sets.contract.ts';
import { api } from '../../../api/http.ts';
import { ruleSetKeys } from './keys.ts';

/** GET /api/rule-sets: every editable rule, its versions (shipped and added) and the one in force today. */
export function useRuleSets() {
  return useQuery({
    queryKey: ruleSetKeys.list(),
    queryFn: () => api.get<RuleSetsResponse>('/api/rule-sets'),
  });
}
