// Konsil's roles, as plain strings so client components can import them without Prisma.
export const roles = ['CLINICIAN', 'COORDINATOR', 'ADMIN'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  CLINICIAN: 'Clinician',
  COORDINATOR: 'Coordinator',
  ADMIN: 'Administrator',
};
