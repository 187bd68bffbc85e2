import { UserCreateForm } from '@/components/admin/user-create-form';
import { UserTable } from '@/components/admin/user-table';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { can } from '@/lib/authz/permissions';
import { listUsers } from '@/lib/db/users';
import { getEnv } from '@/lib/env';
import { userListQuerySchema } from '@/lib/schemas/user';

export const metadata = { title: 'Users' };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await guardPage('/admin/users');
  const query = userListQuerySchema.parse(await searchParams);
  const users = await listUsers({ actor, q: query.q, status: query.status });
  return (
    <div className="space-y-6">
      <PageHeader title="Users and roles" description="Who may sign in to Konsil, and what each role may do." />
      <Card title="Users">
        <form method="get" role="search" aria-label="Filter users" className="mb-4 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="q" className="block text-sm font-medium">Name or e-mail</label>
            <Input id="q" name="q" defaultValue={query.q ?? ''} className="w-64" />
          </div>
          <div>
            <label htmlFor="status" className="block text-sm font-medium">Status</label>
            <Select id="status" name="status" defaultValue={query.status}>
              <option value="all">All</option>
              <option value="active">Active</option>
              <option value="inactive">Deactivated</option>
            </Select>
          </div>
          <Button type="submit" variant="secondary">Filter</Button>
        </form>
        <UserTable users={users} timeZone={getEnv().KONSIL_TIME_ZONE} />
      </Card>
      {can(actor, 'users.manage') && (
        <Card title="Create a local account">
          <p className="mb-4 text-sm text-slate-600">
            Users of the hospital&apos;s single sign-on are created on their first sign-in, with roles from the identity provider.
          </p>
          <UserCreateForm />
        </Card>
      )}
    </div>
  );
}
