// Meeting.publishedAgenda: the agenda as it was published, so the meeting page can
// highlight what changed since (lib/preparation/publication-diff.ts). Ids and numbers only,
// no patient data: the snapshot travels with the meeting row.
import { z } from 'zod';

export const publishedAgendaItemSchema = z.object({
  itemId: z.string(),
  caseId: z.string(),
  position: z.number().int(),
  minutes: z.number().int(),
  status: z.enum(['PLANNED', 'IN_DISCUSSION', 'DISCUSSED', 'DEFERRED', 'POSTPONED']),
});

export const publishedAgendaSchema = z.object({
  /** 1 for the first publication, +1 for every republication. */
  revision: z.number().int().positive(),
  publishedAt: z.iso.datetime(),
  /** Meeting.agendaVersion the snapshot was taken from. */
  agendaVersion: z.number().int().nonnegative(),
  /** The handout generated with it (generated_documents.id). */
  documentId: z.string(),
  items: z.array(publishedAgendaItemSchema),
});

export type PublishedAgendaItem = z.infer<typeof publishedAgendaItemSchema>;
export type PublishedAgenda = z.infer<typeof publishedAgendaSchema>;

/** A stored snapshot, or null when there is none or it does not parse (then nothing is highlighted). */
export function parsePublishedAgenda(value: unknown): PublishedAgenda | null {
  const parsed = publishedAgendaSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
