'use client';
// The lifecycle buttons of one version: each change is a server action (lib/actions/
// model-registry.ts) sent with the row version the admin saw and a required reason, which
// the audit trail keeps. Which buttons appear follows the server's own table
// (lib/decision-support/model-lifecycle.ts); the server refuses anything else anyway.
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-result';
import { activateModelVersion, retireModelVersion, rollbackModel, shadowModelVersion } from '@/lib/actions/model-registry';
import { allowedTransitions, type ModelTransition } from '@/lib/decision-support/model-lifecycle';
import type { ModelVersionDto } from '@/lib/schemas/inference';

const actions: Record<ModelTransition, typeof activateModelVersion> = {
  shadow: shadowModelVersion,
  activate: activateModelVersion,
  rollback: rollbackModel,
  retire: retireModelVersion,
};

/** The pressed button names the change (React passes the submitter's name and value in the form data). */
async function changeStatus(state: ActionState<ModelVersionDto>, formData: FormData) {
  const transition = formData.get('transition') as ModelTransition | null;
  const action = transition ? actions[transition] : undefined;
  if (!action) return { ok: false as const, code: 'VALIDATION' as const, message: 'Choose what to do with the version.' };
  return action(state, formData);
}

export function ModelLifecycleForm({ version }: { version: Pick<ModelVersionDto, 'id' | 'version' | 'status' | 'replacesVersionId' | 'modelKey' | 'semver'> }) {
  const options = allowedTransitions(version);
  if (options.length === 0) return <p className="text-sm text-slate-600">No status change is possible from {version.status.toLowerCase()}.</p>;
  const reasonId = `reason-${version.id}`;
  return (
    <ActionForm action={changeStatus} label={`Change the status of ${version.modelKey} ${version.semver}`}>
      {({ fieldErrors, pending }) => (
        <>
          <input type="hidden" name="versionId" value={version.id} />
          <input type="hidden" name="expectedVersion" value={version.version} />
          <Field id={reasonId} label="Reason (recorded in the audit log)" errors={fieldErrors.reason} hint="Required, 3–500 characters.">
            {(describedBy, invalid) => <Input id={reasonId} name="reason" aria-describedby={describedBy} aria-invalid={invalid || undefined} maxLength={500} />}
          </Field>
          <ul className="space-y-2">
            {options.map((option) => (
              <li key={option.transition} className="flex flex-wrap items-center gap-3">
                <Button type="submit" name="transition" value={option.transition} variant={option.variant} disabled={pending}>
                  {option.label}
                </Button>
                <span className="text-sm text-slate-600">{option.effect}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </ActionForm>
  );
}
