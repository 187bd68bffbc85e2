'use client';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { createUser } from '@/lib/actions/users';
import { RoleCheckboxes } from './role-checkboxes';
import { SpecialtySelect } from './specialty-select';

export function UserCreateForm() {
  return (
    <ActionForm action={createUser} label="Create user" className="grid gap-4 sm:grid-cols-2">
      {({ fieldErrors, pending }) => (
        <>
          <Field id="new-name" label="Full name" errors={fieldErrors.name}>
            {(d, invalid) => <Input id="new-name" name="name" required aria-describedby={d} aria-invalid={invalid} />}
          </Field>
          <Field id="new-email" label="E-mail" errors={fieldErrors.email}>
            {(d, invalid) => <Input id="new-email" name="email" type="email" required aria-describedby={d} aria-invalid={invalid} />}
          </Field>
          <Field id="new-title" label="Title (optional)" errors={fieldErrors.title}>
            {(d) => <Input id="new-title" name="title" aria-describedby={d} />}
          </Field>
          <Field id="new-specialty" label="Specialty (optional)" errors={fieldErrors.specialty}>
            {(d) => <SpecialtySelect id="new-specialty" describedBy={d} />}
          </Field>
          <Field id="new-password" label="Initial password" hint="At least 12 characters; give it to the user in person." errors={fieldErrors.password}>
            {(d, invalid) => (
              <Input id="new-password" name="password" type="password" autoComplete="new-password" required aria-describedby={d} aria-invalid={invalid} />
            )}
          </Field>
          <RoleCheckboxes errors={fieldErrors.roles} />
          <div className="sm:col-span-2">
            <Button type="submit" disabled={pending}>
              {pending ? 'Creating…' : 'Create user'}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
