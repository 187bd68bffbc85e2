import { LogOut } from 'lucide-react';
import type { Actor } from '@/lib/authz/actor';
import { roleLabels } from '@/lib/authz/roles';
import { signOutOfKonsil } from '@/lib/auth/sign-in-actions';
import { Button } from '@/components/ui/button';

export function UserMenu({ actor }: { actor: Actor }) {
  return (
    <div className="flex items-center gap-4">
      <div className="text-right text-sm">
        <p className="font-medium text-slate-900" data-testid="current-user">
          {actor.name}
        </p>
        <p className="text-xs text-slate-600">{actor.roles.map((r) => roleLabels[r]).join(', ')}</p>
      </div>
      <form action={signOutOfKonsil}>
        <Button type="submit" variant="secondary">
          <LogOut aria-hidden className="size-4" />
          Sign out
        </Button>
      </form>
    </div>
  );
}
