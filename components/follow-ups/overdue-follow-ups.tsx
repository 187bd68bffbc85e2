// The coordinator's list of overdue follow-ups on the boards they coordinate: who owns each,
// which case, when it was due and how long ago. Chasing happens outside Konsil (phone, mail);
// the owner was notified once already by the overdue job.
import Link from 'next/link';
import { formatDate } from '@/lib/format/date';
import type { FollowUpTaskDto } from '@/lib/schemas/follow-up';

export function OverdueFollowUps({ tasks }: { tasks: FollowUpTaskDto[] }) {
  if (tasks.length === 0) return <p className="text-sm text-slate-600">No overdue follow-ups on your boards.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="overdue-follow-ups">
      <thead className="border-b border-slate-200 text-xs text-slate-600">
        <tr>
          <th scope="col" className="py-2 pr-4">Case</th>
          <th scope="col" className="py-2 pr-4">Board</th>
          <th scope="col" className="py-2 pr-4">Owner</th>
          <th scope="col" className="py-2 pr-4">Due</th>
          <th scope="col" className="py-2 pr-4">Days overdue</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {tasks.map((task) => (
          <tr key={task.id} data-testid="overdue-row" data-task-id={task.id}>
            <td className="py-2 pr-4">
              <Link href={`/cases/${task.caseId}`} prefetch={false} className="text-brand-700 underline">
                {task.pseudonym}
              </Link>
            </td>
            <td className="py-2 pr-4">{task.boardName}</td>
            <td className="py-2 pr-4">{task.owner.name}</td>
            <td className="py-2 pr-4">{formatDate(`${task.dueOn}T00:00:00Z`)}</td>
            <td className="py-2 pr-4 tabular-nums">{task.daysOverdue}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
