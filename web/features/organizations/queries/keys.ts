export const organizationKeys = {
  /** Everything under 'organizations' (also the member screens' picker tree) is refreshed after any change to the tree. */
  all: ['organizations'] as const,
  trees: () => [...organizationKeys.all, 'tree'] as const,
  tree: (asOf: string) => [...organizationKeys.trees(), asOf] as const,
  details: () => [...organizationKeys.all, 'detail'] as const,
  detail: (id: number) => [...organizationKeys.details(), id] as const,
};
