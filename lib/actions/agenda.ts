'use server';
// The agenda builder: reorder, minutes per case, take a case off. Every change carries the
// agendaVersion the coordinator saw; lib/db/agenda applies it only if it is still current.
import { createAction } from './create-action';
import { removeAgendaItem as removeRecord, reorderAgenda as reorderRecord, setAgendaItemMinutes as setMinutesRecord } from '@/lib/db/agenda/change-agenda';
import { removeAgendaItemSchema, reorderAgendaSchema, setAgendaMinutesSchema } from '@/lib/schemas/agenda';

export const reorderAgenda = createAction({
  name: 'agenda.reorder',
  permission: 'meetings.manage',
  input: reorderAgendaSchema,
  handler: ({ actor, input }) => reorderRecord({ actor, input }),
  revalidate: ({ input }) => [`/meetings/${input.meetingId}/agenda`],
  successMessage: 'Order saved.',
});

export const setAgendaItemMinutes = createAction({
  name: 'agenda.setMinutes',
  permission: 'meetings.manage',
  input: setAgendaMinutesSchema,
  handler: ({ actor, input }) => setMinutesRecord({ actor, input }),
  revalidate: ({ input }) => [`/meetings/${input.meetingId}/agenda`],
  successMessage: 'Minutes saved.',
});

export const removeAgendaItem = createAction({
  name: 'agenda.remove',
  permission: 'meetings.manage',
  input: removeAgendaItemSchema,
  handler: ({ actor, input }) => removeRecord({ actor, input }),
  revalidate: ({ input }) => [`/meetings/${input.meetingId}/agenda`, '/referrals'],
  successMessage: 'Taken off the agenda; the case is accepted and waits for another meeting.',
});
