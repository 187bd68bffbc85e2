'use client';
// Who belongs to the board and in which board role. Each row saves on its own: a membership is
// one row per person, so two coordinators editing different people never collide.
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';
import { setBoardMember } from '@/lib/actions/boards';
import { boardRoleLabels, boardRoles, type BoardMemberDto } from '@/lib/schemas/board';
import { specialtyLabels, type Specialty } from '@/lib/schemas/user';

export function BoardMembers({ boardId, members, candidates }: { boardId: string; members: BoardMemberDto[]; candidates: { id: string; name: string; email: string }[] }) {
  const memberIds = new Set(members.map((m) => m.userId));
  const others = candidates.filter((c) => !memberIds.has(c.id));
  return (
    <div className="space-y-4">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Board members</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            <th scope="col" className="py-2">Name</th>
            <th scope="col">Specialty</th>
            <th scope="col">Board role</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId} className="border-b border-slate-100">
              <td className="py-2">
                {m.name}
                <span className="block text-xs text-slate-500">{m.email}</span>
              </td>
              <td>{m.specialty ? specialtyLabels[m.specialty as Specialty] ?? m.specialty : '—'}</td>
              <td>
                <ActionForm action={setBoardMember} label={`Board role of ${m.name}`} className="flex items-center gap-2">
                  {({ pending }) => (
                    <>
                      <input type="hidden" name="boardId" value={boardId} />
                      <input type="hidden" name="userId" value={m.userId} />
                      <label className="sr-only" htmlFor={`role-${m.userId}`}>Board role of {m.name}</label>
                      <Select id={`role-${m.userId}`} name="role" defaultValue={m.role} className="w-40">
                        {boardRoles.map((r) => <option key={r} value={r}>{boardRoleLabels[r]}</option>)}
                        <option value="NONE">Remove from board</option>
                      </Select>
                      <Button type="submit" variant="secondary" disabled={pending}>Save</Button>
                    </>
                  )}
                </ActionForm>
              </td>
            </tr>
          ))}
          {members.length === 0 && (
            <tr>
              <td colSpan={3} className="py-3 text-slate-600">No members yet.</td>
            </tr>
          )}
        </tbody>
      </table>
      {others.length > 0 && (
        <ActionForm action={setBoardMember} label="Add a member" className="flex flex-wrap items-end gap-3">
          {({ fieldErrors, pending }) => (
            <>
              <input type="hidden" name="boardId" value={boardId} />
              <Field id="new-member" label="Add a member" errors={fieldErrors.userId}>
                {(d) => (
                  <Select id="new-member" name="userId" aria-describedby={d} className="w-72">
                    {others.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.email})</option>)}
                  </Select>
                )}
              </Field>
              <Field id="new-member-role" label="Board role" errors={fieldErrors.role}>
                {(d) => (
                  <Select id="new-member-role" name="role" defaultValue="MEMBER" aria-describedby={d}>
                    {boardRoles.map((r) => <option key={r} value={r}>{boardRoleLabels[r]}</option>)}
                  </Select>
                )}
              </Field>
              <Button type="submit" disabled={pending}>Add</Button>
            </>
          )}
        </ActionForm>
      )}
    </div>
  );
}
