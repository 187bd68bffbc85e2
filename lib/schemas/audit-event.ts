import { z } from 'zod';
import { auditActions } from '@/lib/audit/events';
import { optionalText } from './common';

const optionalDate = z
  .string()
  .optional()
  .transform((v) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined));

/** Filters on the audit log screen; anything malformed is dropped, never an error page. */
export const auditQuerySchema = z.object({
  actor: optionalText(320).catch(undefined),
  action: z.enum(auditActions).optional().catch(undefined),
  patientId: optionalText(40).catch(undefined),
  entityId: optionalText(40).catch(undefined),
  outcome: z.enum(['SUCCESS', 'FAILURE', 'DENIED']).optional().catch(undefined),
  from: optionalDate.catch(undefined),
  to: optionalDate.catch(undefined),
  /** Keyset paging: show events older than this id. */
  before: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEventDto {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorEmail: string | null;
  actorRoles: string[];
  action: string;
  entityType: string | null;
  entityId: string | null;
  patientId: string | null;
  outcome: 'SUCCESS' | 'FAILURE' | 'DENIED';
  ipAddress: string | null;
  userAgent: string | null;
  detail: unknown;
}
