import { roleLabels, roles, type Role } from '@/lib/authz/roles';

export function RoleCheckboxes({ defaultRoles = [], errors }: { defaultRoles?: readonly Role[]; errors?: string[] }) {
  return (
    <fieldset className="space-y-2" aria-describedby={errors?.length ? 'roles-error' : undefined}>
      <legend className="text-sm font-medium text-slate-800">Roles</legend>
      <div className="flex flex-wrap gap-4">
        {roles.map((role) => (
          <label key={role} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="roles[]" value={role} defaultChecked={defaultRoles.includes(role)} className="size-4" />
            {roleLabels[role]}
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id="roles-error" className="text-sm text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
