// What a presenter shares of the image they are showing: the series, the slice and the
// window. Stored in meeting_live_states.view and sent to every attendee with the live state.
import { z } from 'zod';

/** DICOM UIDs: digits and dots, at most 64 characters. */
const dicomUid = z.string().trim().regex(/^[0-9]+(\.[0-9]+)*$/, 'Not a DICOM UID').max(64, 'At most 64 characters');

export const liveViewSchema = z.object({
  seriesInstanceUid: dicomUid,
  /** 0-based position in the series' slice order (as the viewer counts). */
  sliceIndex: z.coerce.number().int('A whole number').min(0, 'Not negative').max(100_000),
  windowWidth: z.coerce.number().min(1, 'At least 1').max(100_000).optional(),
  windowCenter: z.coerce.number().min(-100_000).max(100_000).optional(),
});
export type LiveView = z.infer<typeof liveViewSchema>;

/** The stored column, read back: anything unreadable counts as "no view shared". */
export function parseStoredLiveView(value: unknown): LiveView | null {
  const parsed = liveViewSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
