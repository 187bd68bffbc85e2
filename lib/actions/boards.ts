'use server';
// Coordinators' board administration: create a board, edit its settings (optimistic concurrency
// on Board.version), and set who belongs to it in which board role.
import { createAction } from './create-action';
import { createBoardSchema, setBoardMemberSchema, updateBoardSchema } from '@/lib/schemas/board';
import { createBoard as createBoardRecord, updateBoard as updateBoardRecord } from '@/lib/db/boards';
import { setBoardMember as setBoardMemberRecord } from '@/lib/db/board-members';

export const createBoard = createAction({
  name: 'boards.create',
  permission: 'boards.manage',
  input: createBoardSchema,
  handler: ({ actor, input }) => createBoardRecord({ actor, fields: input }),
  revalidate: () => ['/boards'],
  successMessage: 'Board created.',
});

export const updateBoard = createAction({
  name: 'boards.update',
  permission: 'boards.manage',
  input: updateBoardSchema,
  handler: ({ actor, input: { boardId, version, ...fields } }) => updateBoardRecord({ actor, boardId, version, fields }),
  revalidate: ({ input }) => ['/boards', `/boards/${input.boardId}`],
  successMessage: 'Board saved.',
});

export const setBoardMember = createAction({
  name: 'boards.setMember',
  permission: 'boards.manage',
  input: setBoardMemberSchema,
  handler: ({ actor, input }) => setBoardMemberRecord({ actor, ...input }),
  revalidate: ({ input }) => ['/boards', `/boards/${input.boardId}`],
  successMessage: 'Membership saved.',
});
