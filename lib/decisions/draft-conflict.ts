// The answer to a draft save that was based on an older version of the decision: shared by the
// server (lib/db/decisions/save-decision-draft.ts) and the editor, which tells this conflict
// apart from the other CONFLICT answers (meeting cancelled, case postponed, decision signed).
export const DRAFT_CONFLICT_MESSAGE = 'Someone else saved this decision after you opened it. Compare their version with yours before saving again.';
