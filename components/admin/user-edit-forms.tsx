'use client';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { deactivateUser, reactivateUser, resetUserPassword, setUserRoles, updateUserProfile } from '@/lib/actions/users';
import type { UserDto } from '@/lib/schemas/user';
import { RoleCheckboxes } from './role-checkboxes';
import { SpecialtySelect } from './specialty-select';

/** Every form carries the version the admin saw, so a concurrent edit is a conflict, not an overwrite. */
function Identity({ user }: { user: UserDto }) {
  return (
    <>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
    </>
  );
}

export function UserProfileForm({ user }: { user: UserDto }) {
  return (
    <ActionForm action={updateUserProfile} label="Profile">
      {({ fieldErrors, pending }) => (
        <>
          <Identity user={user} />
          <Field id="name" label="Full name" errors={fieldErrors.name}>
            {(d, invalid) => <Input id="name" name="name" defaultValue={user.name} aria-describedby={d} aria-invalid={invalid} />}
          </Field>
          <Field id="title" label="Title" errors={fieldErrors.title}>
            {(d) => <Input id="title" name="title" defaultValue={user.title ?? ''} aria-describedby={d} />}
          </Field>
          <Field id="specialty" label="Specialty" errors={fieldErrors.specialty}>
            {(d) => <SpecialtySelect id="specialty" defaultValue={user.specialty} describedBy={d} />}
          </Field>
          <Button type="submit" disabled={pending}>Save profile</Button>
        </>
      )}
    </ActionForm>
  );
}

export function UserRolesForm({ user }: { user: UserDto }) {
  return (
    <ActionForm action={setUserRoles} label="Roles">
      {({ fieldErrors, pending }) => (
        <>
          <Identity user={user} />
          <RoleCheckboxes defaultRoles={user.roles} errors={fieldErrors.roles} />
          <Button type="submit" disabled={pending}>Save roles</Button>
        </>
      )}
    </ActionForm>
  );
}

export function UserStatusForm({ user }: { user: UserDto }) {
  if (!user.active) {
    return (
      <ActionForm action={reactivateUser} label="Re-activate">
        {({ pending }) => (
          <>
            <Identity user={user} />
            <p className="text-sm text-slate-700">This account is deactivated and cannot sign in.</p>
            <Button type="submit" disabled={pending}>Re-activate user</Button>
          </>
        )}
      </ActionForm>
    );
  }
  return (
    <ActionForm action={deactivateUser} label="Deactivate">
      {({ fieldErrors, pending }) => (
        <>
          <Identity user={user} />
          <Field id="reason" label="Reason (recorded in the audit log)" errors={fieldErrors.reason}>
            {(d) => <Input id="reason" name="reason" aria-describedby={d} />}
          </Field>
          <Button type="submit" variant="danger" disabled={pending}>Deactivate user</Button>
        </>
      )}
    </ActionForm>
  );
}

export function UserPasswordForm({ user }: { user: UserDto }) {
  return (
    <ActionForm action={resetUserPassword} label="Set password">
      {({ fieldErrors, pending }) => (
        <>
          <Identity user={user} />
          <Field id="password" label="New password" hint="At least 12 characters. The user is signed out everywhere." errors={fieldErrors.password}>
            {(d, invalid) => <Input id="password" name="password" type="password" autoComplete="new-password" aria-describedby={d} aria-invalid={invalid} />}
          </Field>
          <Button type="submit" variant="secondary" disabled={pending}>Set password</Button>
        </>
      )}
    </ActionForm>
  );
}
