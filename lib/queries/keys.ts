// The one query-key factory: every react-query hook builds its key here so
// invalidation after an action can name exactly what changed.
export const queryKeys = {
  session: () => ['session'] as const,
  auditEvents: (filters: Record<string, string>) => ['audit-events', filters] as const,
  importJobs: () => ['import-jobs'] as const,
  importJob: (id: string) => ['import-jobs', id] as const,
  caseAnnotations: (caseId: string) => ['cases', caseId, 'annotations'] as const,
  caseInference: (caseId: string) => ['cases', caseId, 'inference'] as const,
  caseDecisions: (caseId: string) => ['cases', caseId, 'decisions'] as const,
};
