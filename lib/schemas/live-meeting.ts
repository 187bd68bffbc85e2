// Inputs of the presenter's live-meeting controls (lib/actions/live-meeting.ts). Every change
// but the start carries the `seq` the presenter saw: a click on a state someone else already
// moved on from is a conflict, not a second "next".
import { z } from 'zod';
import { idSchema } from './common';
import { liveViewSchema } from './live-view';

const seqSchema = z.coerce.number().int().min(0);

export const startLiveMeetingSchema = z.object({ meetingId: idSchema });

export const goToAgendaItemSchema = z.discriminatedUnion('direction', [
  z.object({ meetingId: idSchema, expectedSeq: seqSchema, direction: z.literal('next') }),
  z.object({ meetingId: idSchema, expectedSeq: seqSchema, direction: z.literal('previous') }),
  z.object({ meetingId: idSchema, expectedSeq: seqSchema, direction: z.literal('jump'), itemId: idSchema }),
]);
export type GoToAgendaItemInput = z.infer<typeof goToAgendaItemSchema>;

export const setLiveViewSchema = z.object({
  meetingId: idSchema,
  expectedSeq: seqSchema,
  /** null stops sharing a view (attendees keep the case, with their own viewer state). */
  view: liveViewSchema.nullable(),
});

export const markLiveItemSchema = z
  .object({
    meetingId: idSchema,
    expectedSeq: seqSchema,
    mark: z.enum(['DISCUSSED', 'DEFERRED']),
    reason: z
      .string()
      .trim()
      .max(500, 'At most 500 characters')
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .superRefine((value, ctx) => {
    if (value.mark === 'DEFERRED' && !value.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why the case is deferred' });
  });

export const endLiveMeetingSchema = z.object({ meetingId: idSchema, expectedSeq: seqSchema });
