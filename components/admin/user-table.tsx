import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { roleLabels } from '@/lib/authz/roles';
import { formatDateTime } from '@/lib/format/date';
import type { UserDto } from '@/lib/schemas/user';
import { specialtyLabels } from '@/lib/schemas/user';

export function UserTable({ users, timeZone }: { users: UserDto[]; timeZone: string }) {
  if (users.length === 0) return <p className="text-sm text-slate-600">No users match.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Users</caption>
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4">Name</th>
            <th scope="col" className="py-2 pr-4">Roles</th>
            <th scope="col" className="py-2 pr-4">Sign-in</th>
            <th scope="col" className="py-2 pr-4">Status</th>
            <th scope="col" className="py-2">Last sign-in</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((u) => (
            <tr key={u.id}>
              <td className="py-3 pr-4">
                <Link href={`/admin/users/${u.id}`} className="font-medium text-brand-700 underline">
                  {u.name}
                </Link>
                <div className="text-xs text-slate-600">
                  {u.email}
                  {u.specialty ? ` · ${specialtyLabels[u.specialty]}` : ''}
                </div>
              </td>
              <td className="py-3 pr-4">{u.roles.map((r) => roleLabels[r]).join(', ') || '—'}</td>
              <td className="py-3 pr-4">{[u.hasPassword && 'password', u.ssoLinked && 'SSO'].filter(Boolean).join(' + ') || '—'}</td>
              <td className="py-3 pr-4">
                <Badge tone={u.active ? 'success' : 'danger'}>{u.active ? 'Active' : 'Deactivated'}</Badge>
              </td>
              <td className="py-3">{u.lastLoginAt ? formatDateTime(u.lastLoginAt, timeZone) : 'never'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
