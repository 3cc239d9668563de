export const ruleSetKeys = {
  all: ['rule-sets'] as const,
  list: () => [...ruleSetKeys.all, 'list'] as const,
};
