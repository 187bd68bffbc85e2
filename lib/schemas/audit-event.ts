import { z } from 'zod';
import { auditActions } from '@/lib/audit/events';
import { searchDay, searchText } from './common';

/** Filters on the audit log screen; anything malformed is dropped, never an error page. */
export const auditQuerySchema = z.object({
  actor: searchText(320),
  action: z.enum(auditActions).optional().catch(undefined),
  patientId: searchText(40),
  entityId: searchText(40),
  outcome: z.enum(['SUCCESS', 'FAILURE', 'DENIED']).optional().catch(undefined),
  from: searchDay,
  to: searchDay,
  /** Keyset paging: show events older than this id (a positive bigint). */
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .refine((v) => BigInt(v) <= 9_223_372_036_854_775_807n)
    .optional()
    .catch(undefined),
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
