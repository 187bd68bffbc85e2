'use client';
// The referral form: the question, the coding, staging and ECOG prefilled from the patient's
// data (with where each came from), urgency, and the material the referrer marks relevant.
// Choosing the board shows which meeting the referral will go to and why (the deadline rule,
// computed on the server when the page loaded; the server applies it again on submit).
import Link from 'next/link';
import { useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { createReferral } from '@/lib/actions/referrals';
import type { ReferralFormDto } from '@/lib/db/referrals/referral-form';
import { formatDate, formatDateTime } from '@/lib/format/date';
import { tumorEntityLabels } from '@/lib/schemas/case';
import { ecogGrades } from '@/lib/schemas/referral';
import { KeepFormValues } from './keep-form-values';
import { sourceText } from './value-source';

const textarea = 'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm aria-invalid:border-red-600';

function ecogGrade(value: string | undefined): string {
  return value?.match(/\b([0-4])\b/)?.[1] ?? '';
}

export function ReferralForm({ form, timeZone }: { form: ReferralFormDto; timeZone: string }) {
  const suggested = form.boards.find((b) => form.prefill.entity && b.entityFocus.includes(form.prefill.entity));
  const [boardId, setBoardId] = useState(suggested?.id ?? '');
  const board = form.boards.find((b) => b.id === boardId);

  return (
    <ActionForm action={createReferral} label="Refer a case">
      {({ fieldErrors, pending, state }) =>
        state?.ok ? (
          <div className="space-y-3" data-testid="referral-done">
            <p className="text-sm text-slate-800">
              {state.data.meeting
                ? `The case will be put before the board at its meeting on ${formatDateTime(state.data.meeting.startsAt, timeZone)} once the coordinator accepts it. ${state.data.meeting.reason}`
                : 'The board has no scheduled meeting yet; the coordinator will choose one.'}
            </p>
            <div className="flex gap-3">
              <Button asChild variant="secondary">
                <Link href={`/cases/${state.data.caseId}`} prefetch={false}>
                  Open the case
                </Link>
              </Button>
              <Button asChild variant="secondary">
                <Link href="/referrals">My referrals</Link>
              </Button>
            </div>
          </div>
        ) : (
          <>
            <KeepFormValues state={state} />
            <input type="hidden" name="patientId" value={form.patient.id} />
            <Field id="boardId" label="Board" errors={fieldErrors.boardId}>
              {(describedBy, invalid) => (
                <Select id="boardId" name="boardId" value={boardId} onChange={(e) => setBoardId(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
                  <option value="">Choose the board…</option>
                  {form.boards.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {board && (
              <Alert tone="info">
                <span data-testid="target-meeting">
                  {board.target
                    ? `Submitted now, this referral goes to the meeting on ${formatDateTime(board.target.startsAt, timeZone)} (submission deadline ${formatDateTime(board.target.deadline, timeZone)}). ${board.target.reason}`
                    : 'This board has no scheduled meeting yet; the coordinator will choose one.'}
                </span>
              </Alert>
            )}
            <Field id="question" label="Question to the board" errors={fieldErrors.question} hint="What should the board decide? At least 10 characters.">
              {(describedBy, invalid) => <textarea id="question" name="question" rows={3} maxLength={2000} className={textarea} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
            </Field>
            <div className="grid gap-4 md:grid-cols-2">
              <Field id="entity" label="Tumor entity" errors={fieldErrors.entity}>
                {(describedBy, invalid) => (
                  <Select id="entity" name="entity" defaultValue={form.prefill.entity ?? ''} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
                    <option value="">Choose…</option>
                    {Object.entries(tumorEntityLabels).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <fieldset className="space-y-1">
                <legend className="text-sm font-medium text-slate-800">Urgency</legend>
                <div className="flex gap-4 pt-2 text-sm">
                  <label className="flex items-center gap-2">
                    <input type="radio" name="urgency" value="ROUTINE" defaultChecked /> Routine
                  </label>
                  <label className="flex items-center gap-2">
                    <input type="radio" name="urgency" value="URGENT" /> Urgent
                  </label>
                </div>
                {fieldErrors.urgency && <p className="text-sm text-red-700">{fieldErrors.urgency.join(' ')}</p>}
              </fieldset>
              <Field id="icd10Code" label="ICD-10" errors={fieldErrors.icd10Code} hint="e.g. C34.1">
                {(describedBy, invalid) => <Input id="icd10Code" name="icd10Code" defaultValue={form.prefill.icd10Code ?? ''} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
              </Field>
              <Field id="icd10Display" label="Diagnosis (text)" errors={fieldErrors.icd10Display}>
                {(describedBy, invalid) => <Input id="icd10Display" name="icd10Display" defaultValue={form.prefill.icd10Display ?? ''} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
              </Field>
              <Field id="icdO3Morphology" label="ICD-O-3 morphology" errors={fieldErrors.icdO3Morphology} hint="e.g. 8140/3">
                {(describedBy, invalid) => <Input id="icdO3Morphology" name="icdO3Morphology" defaultValue={form.prefill.icdO3Morphology ?? ''} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
              </Field>
              <Field id="icdO3Topography" label="ICD-O-3 topography" errors={fieldErrors.icdO3Topography} hint="e.g. C34.1">
                {(describedBy, invalid) => <Input id="icdO3Topography" name="icdO3Topography" defaultValue={form.prefill.icdO3Topography ?? ''} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
              </Field>
              <Field id="tnm" label="Current TNM" errors={fieldErrors.tnm} hint={form.tnm ? sourceText(form.tnm.source, timeZone) : 'No staging in the patient’s data'}>
                {(describedBy, invalid) => <Input id="tnm" name="tnm" defaultValue={form.tnm?.value ?? ''} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
              </Field>
              <Field id="stageGroup" label="Stage group" errors={fieldErrors.stageGroup} hint={form.stageGroup ? sourceText(form.stageGroup.source, timeZone) : 'No stage group in the patient’s data'}>
                {(describedBy, invalid) => <Input id="stageGroup" name="stageGroup" defaultValue={form.stageGroup?.value ?? ''} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
              </Field>
              <Field id="ecog" label="ECOG performance status" errors={fieldErrors.ecog} hint={form.ecog ? sourceText(form.ecog.source, timeZone) : 'No ECOG in the patient’s data'}>
                {(describedBy, invalid) => (
                  <Select id="ecog" name="ecog" defaultValue={ecogGrade(form.ecog?.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
                    <option value="">Not known</option>
                    {ecogGrades.map((g) => (
                      <option key={g} value={g}>
                        ECOG {g}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            </div>
            <MaterialGroup
              legend="Imaging studies"
              name="imagingStudyIds"
              errors={fieldErrors.imagingStudyIds}
              items={form.imagingStudies.map((s) => ({ id: s.id, label: `${s.date ? formatDate(s.date, timeZone) : 'undated'} · ${s.modalities.join('/')} · ${s.description ?? 'study'}` }))}
            />
            <MaterialGroup legend="Reports" name="reportIds" errors={fieldErrors.reportIds} items={form.reports.map((r) => ({ id: r.id, label: `${formatDate(r.issuedAt, timeZone)} · ${r.title}` }))} />
            <MaterialGroup
              legend="Recent lab values"
              name="observationIds"
              errors={fieldErrors.observationIds}
              items={form.labs.map((l) => ({ id: l.id, label: `${l.display}: ${l.value}${l.unit ? ` ${l.unit}` : ''} (${formatDate(l.effectiveAt, timeZone)})` }))}
            />
            <Button type="submit" disabled={pending}>
              {pending ? 'Referring…' : 'Refer the case'}
            </Button>
          </>
        )
      }
    </ActionForm>
  );
}

function MaterialGroup({ legend, name, items, errors }: { legend: string; name: string; items: { id: string; label: string }[]; errors?: string[] }) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-800">{legend} the board should look at</legend>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">None in the patient’s record.</p>
      ) : (
        <ul className="max-h-48 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm">
          {items.map((item) => (
            <li key={item.id}>
              <label className="flex items-start gap-2">
                <input type="checkbox" name={`${name}[]`} value={item.id} className="mt-1" />
                <span>{item.label}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {errors && <p className="text-sm text-red-700">{errors.join(' ')}</p>}
    </fieldset>
  );
}
