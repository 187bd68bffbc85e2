import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { formatMeetingTime } from '@/lib/boards/format';
import { listBoards } from '@/lib/db/boards';
import { tumorEntityLabels } from '@/lib/schemas/case';

export const metadata = { title: 'Boards' };

export default async function BoardsPage() {
  const actor = await guardPage('/boards');
  const boards = await listBoards({ actor });
  return (
    <>
      <PageHeader
        title="Boards"
        description="The tumor boards you coordinate: their schedule and members."
        actions={<Button asChild><Link href="/boards/new">New board</Link></Button>}
      />
      <Card>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Boards</caption>
          <thead>
            <tr className="border-b border-slate-200 text-slate-600">
              <th scope="col" className="py-2">Board</th>
              <th scope="col">Entities</th>
              <th scope="col">Next meeting (local time)</th>
              <th scope="col">Members</th>
            </tr>
          </thead>
          <tbody>
            {boards.map((b) => (
              <tr key={b.id} className="border-b border-slate-100">
                <td className="py-2">
                  <Link href={`/boards/${b.id}`} className="font-medium text-brand-700 underline">{b.name}</Link>
                  {!b.active && <Badge tone="warning" className="ml-2">inactive</Badge>}
                </td>
                <td>{b.entityFocus.map((e) => tumorEntityLabels[e]).join(', ')}</td>
                <td>{b.nextMeetingAt ? formatMeetingTime(b.nextMeetingAt, b.timeZone) : b.recurrence ? 'None generated yet' : 'No recurrence'}</td>
                <td>{b.memberCount}</td>
              </tr>
            ))}
            {boards.length === 0 && (
              <tr>
                <td colSpan={4} className="py-3 text-slate-600">No boards yet.</td>
              </tr>
            )}
          </tbody>
        </table>
      </Card>
    </>
  );
}
