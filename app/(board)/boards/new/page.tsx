import Link from 'next/link';
import { BoardForm } from '@/components/boards/board-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { timeZoneNames } from '@/lib/boards/time-zones';
import { getEnv } from '@/lib/env';

export const metadata = { title: 'New board' };

export default async function NewBoardPage() {
  await guardPage('/boards/new');
  return (
    <div className="space-y-6">
      <Link href="/boards" className="text-sm text-brand-700 underline">← All boards</Link>
      <PageHeader title="New board" description="Members and meetings are added once the board exists." />
      <Card>
        <BoardForm timeZones={timeZoneNames()} defaultTimeZone={getEnv().KONSIL_TIME_ZONE} />
      </Card>
    </div>
  );
}
