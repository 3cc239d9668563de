import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddRuleSetVersionInput, RuleSetView } from '../../../../common/contracts/rule-sets.contract.ts';
import { api } from '../../../api/http.ts';
import { ruleSetKeys } from './keys.ts';

/** POST /api/rule-sets/versions: a new version of one rule (201 with the rule and all its versions). */
export function useAddRuleSetVersion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AddRuleSetVersionInput) => api.post<RuleSetView>('/api/rule-sets/versions', input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ruleSetKeys.all }),
  });
}
