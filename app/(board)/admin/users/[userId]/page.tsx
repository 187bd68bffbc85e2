import Link from 'next/link';
import { notFound } from 'next/navigation';
import { UserPasswordForm, UserProfileForm, UserRolesForm, UserStatusForm } from '@/components/admin/user-edit-forms';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { can } from '@/lib/authz/permissions';
import { getUser } from '@/lib/db/users';
import { isAppError } from '@/lib/errors';
import { idSchema } from '@/lib/schemas/common';

export const metadata = { title: 'User' };

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const actor = await guardPage('/admin/users/[userId]');
  const parsedId = idSchema.safeParse((await params).userId);
  if (!parsedId.success) notFound();
  const user = await getUser({ actor, userId: parsedId.data }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const manage = can(actor, 'users.manage');
  return (
    <div className="space-y-6">
      <Link href="/admin/users" className="text-sm text-brand-700 underline">← All users</Link>
      <PageHeader
        title={user.name}
        description={user.email}
        actions={<Badge tone={user.active ? 'success' : 'danger'}>{user.active ? 'Active' : 'Deactivated'}</Badge>}
      />
      <p className="text-sm">
        <Link className="text-brand-700 underline" href={`/admin/audit?entityId=${user.id}`}>Audit events about this user</Link>
      </p>
      {manage && (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Profile"><UserProfileForm user={user} /></Card>
          <Card title="Roles"><UserRolesForm user={user} /></Card>
          <Card title="Access"><UserStatusForm user={user} /></Card>
          <Card title="Password"><UserPasswordForm user={user} /></Card>
        </div>
      )}
    </div>
  );
}
