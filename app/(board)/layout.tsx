import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { MainNav } from '@/components/shell/main-nav';
import { NotificationBell } from '@/components/shell/notification-bell';
import { UserMenu } from '@/components/shell/user-menu';
import { getActor } from '@/lib/auth/get-actor';
import { can } from '@/lib/authz/permissions';
import { countMyUnreadNotifications } from '@/lib/db/notifications';
import { getEnv } from '@/lib/env';

/**
 * The signed-in shell. The check here only decides what to draw; each page
 * calls guardPage() itself, because layouts do not re-run on client navigation.
 */
export default async function BoardLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect('/signin?reason=signed-out');
  const demo = getEnv().KONSIL_DEMO_MODE;
  const unread = can(actor, 'notifications.read') ? await countMyUnreadNotifications({ actor }) : null;
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      {demo && (
        <p className="bg-amber-100 px-4 py-1 text-center text-sm text-amber-950">
          Demo mode: every patient shown is synthetic (invented). Not for clinical use.
        </p>
      )}
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-6 py-3">
        <Link href="/" className="text-xl font-semibold text-brand-800">
          Konsil
        </Link>
        <div className="flex items-center gap-3">
          {unread !== null && <NotificationBell unread={unread} />}
          <UserMenu actor={actor} />
        </div>
      </header>
      <div className="flex min-h-[calc(100vh-4rem)]">
        <aside className="w-56 shrink-0 border-r border-slate-200 bg-white p-4">
          <MainNav actor={actor} />
        </aside>
        <main id="main" className="min-w-0 flex-1 p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
