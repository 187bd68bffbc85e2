// The owner's follow-up tasks: open ones first with the completion form, completed ones after
// (each can be corrected). Patients appear by pseudonym only; texts render as text.
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatDate, formatDateTime } from '@/lib/format/date';
import { followUpReasonLabels, followUpStatusLabels, type FollowUpTaskDto } from '@/lib/schemas/follow-up';
import { CompleteFollowUpForm } from './complete-follow-up-form';

function DueBadge({ task }: { task: FollowUpTaskDto }) {
  if (task.status !== 'OPEN') return <Badge tone={task.status === 'IMPLEMENTED' ? 'success' : 'warning'}>{followUpStatusLabels[task.status]}</Badge>;
  if (task.daysOverdue > 0) return <Badge tone="danger">Overdue by {task.daysOverdue} {task.daysOverdue === 1 ? 'day' : 'days'}</Badge>;
  return <Badge tone="neutral">Open</Badge>;
}

export function MyFollowUps({ tasks, timeZone }: { tasks: FollowUpTaskDto[]; timeZone: string }) {
  if (tasks.length === 0) return <p className="text-sm text-slate-600">No follow-ups assigned to you.</p>;
  return (
    <ul className="divide-y divide-slate-200" data-testid="my-follow-ups">
      {tasks.map((task) => (
        <li key={task.id} className="space-y-3 py-4" data-testid="follow-up-task" data-task-id={task.id} data-status={task.status}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <div>
              <Link href={`/cases/${task.caseId}`} prefetch={false} className="font-medium text-brand-700 underline">
                Case {task.pseudonym}
              </Link>
              <span className="ml-2 text-sm text-slate-600">{task.boardName}</span>
            </div>
            <div className="flex items-center gap-2 text-sm text-slate-700">
              <span>Due {formatDate(`${task.dueOn}T00:00:00Z`)}</span>
              <DueBadge task={task} />
            </div>
          </div>
          <p className="text-sm text-slate-900">
            <span className="font-medium">Recommendation{task.signedAt ? ` (signed ${formatDateTime(task.signedAt, timeZone)})` : ''}: </span>
            {task.recommendation}
          </p>
          {task.status === 'OPEN' ? (
            <CompleteFollowUpForm task={task} />
          ) : (
            <div className="space-y-2 text-sm text-slate-700">
              <p>
                {followUpStatusLabels[task.status]}
                {task.reason ? ` — ${followUpReasonLabels[task.reason]}` : ''}
                {task.completedAt ? `, recorded ${formatDateTime(task.completedAt, timeZone)}` : ''}
                {task.note ? `. ${task.note}` : ''}
              </p>
              <details>
                <summary className="cursor-pointer text-brand-700">Correct the outcome</summary>
                <div className="pt-3">
                  <CompleteFollowUpForm task={task} />
                </div>
              </details>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
