'use client';
// Who was there, who dissented, who follows up: people come from the case's board and its
// referrer (CaseDecisionsDto.people); a dissenter may also be someone without an account.
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import { defaultFollowUpDueOn } from '@/lib/decisions/follow-up-due';
import type { FieldErrors } from '@/lib/errors';
import { formatDate } from '@/lib/format/date';
import type { DecisionContent, Dissent } from '@/lib/schemas/decision';
import type { PersonDto } from '@/lib/schemas/decision-dto';
import { errorsAt, FieldMessages } from './field-errors';

// The follow-up owner confirms a treatment was carried out, so only clinicians are offered.
// PersonDto is gaining `roles`; until every source sends it, a person without roles is kept
// (the server validates the owner on signing either way).
type PersonWithRoles = PersonDto & { roles?: readonly string[] };
const mayOwnFollowUp = (person: PersonWithRoles) => person.roles?.includes('CLINICIAN') ?? true;

const textareaClass = 'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm';

export function AttendeesField(props: { people: PersonDto[]; value: string[]; errors: FieldErrors; onChange: (ids: string[]) => void }) {
  const { people, value, errors, onChange } = props;
  const chosen = new Set(value);
  return (
    <fieldset className="space-y-2" data-field="attendeeIds">
      <legend className="text-sm font-semibold text-slate-900">Attendees for this case</legend>
      <FieldMessages id="decision-attendees-error" messages={errorsAt(errors, 'attendeeIds')} />
      <ul className="grid gap-1 sm:grid-cols-2">
        {people.map((p) => (
          <li key={p.id}>
            <label className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" checked={chosen.has(p.id)} onChange={(e) => onChange(e.target.checked ? [...value, p.id] : value.filter((id) => id !== p.id))} />
              {p.name}
              {p.specialty && <span className="text-xs text-slate-600">({p.specialty.toLowerCase().replaceAll('_', ' ')})</span>}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function DissentsField(props: { people: PersonDto[]; value: Dissent[]; errors: FieldErrors; onChange: (value: Dissent[]) => void }) {
  const { people, value, errors, onChange } = props;
  const base = useId();
  const set = (i: number, patch: Partial<Dissent>) => onChange(value.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <fieldset className="space-y-2" data-field="dissents">
      <legend className="text-sm font-semibold text-slate-900">Dissents</legend>
      <FieldMessages id="decision-dissents-error" messages={errorsAt(errors, 'dissents')} />
      {value.length === 0 && <p className="text-sm text-slate-600">No dissent recorded.</p>}
      <ul className="space-y-3">
        {value.map((d, i) => (
          <li key={i} className="space-y-2 rounded-md border border-slate-200 p-3" data-testid="dissent">
            <div className="grid gap-2 sm:grid-cols-2">
              <div className="space-y-1">
                <label htmlFor={`${base}-${i}-who`} className="block text-sm font-medium text-slate-800">
                  Participant
                </label>
                <Select
                  id={`${base}-${i}-who`}
                  value={d.userId ?? ''}
                  onChange={(e) => {
                    const person = people.find((p) => p.id === e.target.value);
                    set(i, person ? { userId: person.id, name: person.name } : { userId: null, name: '' });
                  }}
                >
                  <option value="">Someone without a Konsil account</option>
                  {people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </Select>
              </div>
              {!d.userId && (
                <div className="space-y-1">
                  <label htmlFor={`${base}-${i}-name`} className="block text-sm font-medium text-slate-800">
                    Name
                  </label>
                  <Input id={`${base}-${i}-name`} value={d.name} maxLength={200} onChange={(e) => set(i, { name: e.target.value })} />
                </div>
              )}
            </div>
            <div className="space-y-1">
              <label htmlFor={`${base}-${i}-statement`} className="block text-sm font-medium text-slate-800">
                Statement
              </label>
              <textarea id={`${base}-${i}-statement`} rows={2} maxLength={2000} className={textareaClass} value={d.statement} onChange={(e) => set(i, { statement: e.target.value })} />
            </div>
            <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              Remove dissent {i + 1}
            </Button>
          </li>
        ))}
      </ul>
      <Button variant="secondary" onClick={() => onChange([...value, { userId: null, name: '', statement: '' }])} disabled={value.length >= 20}>
        Add dissent
      </Button>
    </fieldset>
  );
}

export function FollowUpFields(props: { people: PersonDto[]; referringUser: PersonDto; content: DecisionContent; errors: FieldErrors; timeZone: string; onChange: (patch: Partial<DecisionContent>) => void }) {
  const { people, referringUser, content, errors, timeZone, onChange } = props;
  const base = useId();
  const ownerErrors = errorsAt(errors, 'followUpOwnerId');
  const defaultDue = defaultFollowUpDueOn(new Date());
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2" data-field="followUp">
      <legend className="mb-2 text-sm font-semibold text-slate-900">Follow-up</legend>
      <div className="space-y-1">
        <label htmlFor={`${base}-owner`} className="block text-sm font-medium text-slate-800">
          Who confirms it was carried out
        </label>
        <Select
          id={`${base}-owner`}
          value={content.followUpOwnerId ?? ''}
          aria-invalid={ownerErrors.length > 0 || undefined}
          aria-describedby={ownerErrors.length ? `${base}-owner-error` : undefined}
          onChange={(e) => onChange({ followUpOwnerId: e.target.value || null })}
        >
          <option value="">Referring clinician: {referringUser.name} (default)</option>
          {people
            .filter((p) => p.id !== referringUser.id && mayOwnFollowUp(p))
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </Select>
        <FieldMessages id={`${base}-owner-error`} messages={ownerErrors} />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${base}-due`} className="block text-sm font-medium text-slate-800">
          Due on
        </label>
        <Input id={`${base}-due`} type="date" aria-describedby={`${base}-due-hint`} value={content.followUpDueOn ?? ''} onChange={(e) => onChange({ followUpDueOn: e.target.value || null })} />
        <p id={`${base}-due-hint`} className="text-xs text-slate-600">
          Empty: 6 weeks after signing (if signed today: {formatDate(`${defaultDue}T12:00:00Z`, timeZone)}).
        </p>
      </div>
    </fieldset>
  );
}
