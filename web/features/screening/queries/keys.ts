export const screeningKeys = {
  all: ['screening'] as const,
  runs: (organizationId: number, year: number) => [...screeningKeys.all, 'runs', organizationId, year] as const,
  run: (id: number) => [...screeningKeys.all, 'run', id] as const,
  flagLists: () => [...screeningKeys.all, 'flags'] as const,
  flags: (params: Record<string, unknown>) => [...screeningKeys.flagLists(), params] as const,
  oversight: (organizationId: number, year: number) => [...screeningKeys.all, 'oversight', organizationId, year] as const,
  report: (organizationId: number, year: number) => [...screeningKeys.all, 'report', organizationId, year] as const,
};
