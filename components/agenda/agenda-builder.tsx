'use client';
// The agenda builder: drag a case (or pick it up with Space and move it with the arrow keys)
// to reorder, set minutes per case, take a case off. The time budget is recomputed as the
// agenda changes. Every change is sent with the agendaVersion this screen last saw; when
// another coordinator changed the agenda in between, the server refuses, this screen puts the
// order back and says who changed it and when.
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { GripVertical } from 'lucide-react';
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { SyntheticBadge } from '@/components/ui/synthetic-badge';
import type { ActionResult } from '@/lib/actions/action-result';
import { removeAgendaItem, reorderAgenda, setAgendaItemMinutes } from '@/lib/actions/agenda';
import { computeTimeBudget, moveItem } from '@/lib/agenda/time-budget';
import type { AgendaDto, AgendaItemDto } from '@/lib/schemas/agenda';
import { tumorEntityLabels, type TumorEntity } from '@/lib/schemas/case';

const timeFormat = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });

export function AgendaBuilder({ agenda }: { agenda: AgendaDto }) {
  const { meeting } = agenda;
  const [items, setItems] = useState(agenda.items);
  const [version, setVersion] = useState(meeting.agendaVersion);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const editable = meeting.status === 'SCHEDULED' || meeting.status === 'PUBLISHED';
  const budget = computeTimeBudget({ startsAt: new Date(meeting.startsAt), durationMinutes: meeting.durationMinutes, items });
  const time = timeFormat(meeting.timeZone);

  /** Sends one change; on success keeps `next` and the new version, otherwise restores `previous`. */
  function send(previous: AgendaItemDto[], next: AgendaItemDto[], call: () => Promise<ActionResult<{ agendaVersion: number }>>) {
    setItems(next);
    startTransition(async () => {
      const result = await call().catch((): ActionResult<{ agendaVersion: number }> => ({ ok: false, code: 'INTERNAL', message: 'The server did not answer. Nothing was changed.' }));
      if (result.ok) {
        setVersion(result.data.agendaVersion);
        setMessage({ tone: 'success', text: result.message ?? 'Saved.' });
      } else {
        setItems(previous);
        setMessage({ tone: 'error', text: result.message });
      }
    });
  }

  function onDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const from = items.findIndex((i) => i.id === active.id);
    const to = items.findIndex((i) => i.id === over.id);
    const next = moveItem(items, from, to).map((item, position) => ({ ...item, position }));
    send(items, next, () => reorderAgenda(null, { meetingId: meeting.id, agendaVersion: version, itemIds: next.map((i) => i.id) }));
  }

  function onMinutes(item: AgendaItemDto, minutes: number) {
    const next = items.map((i) => (i.id === item.id ? { ...i, minutesAllotted: minutes } : i));
    send(items, next, () => setAgendaItemMinutes(null, { meetingId: meeting.id, agendaVersion: version, itemId: item.id, minutes }));
  }

  function onRemove(item: AgendaItemDto) {
    const next = items.filter((i) => i.id !== item.id).map((i, position) => ({ ...i, position }));
    send(items, next, () => removeAgendaItem(null, { meetingId: meeting.id, agendaVersion: version, itemId: item.id }));
  }

  return (
    <div className="space-y-4" data-testid="agenda-builder" data-agenda-version={version} aria-busy={pending}>
      <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="time-budget">
        <span>
          <span className="font-semibold" data-testid="total-minutes">
            {budget.totalMinutes}
          </span>{' '}
          of {budget.meetingMinutes} minutes planned ({items.length} case{items.length === 1 ? '' : 's'})
        </span>
        {budget.overrunMinutes > 0 ? <Badge tone="danger">Over by {budget.overrunMinutes} min</Badge> : <Badge tone="success">Fits the meeting</Badge>}
      </div>
      {budget.overrunMinutes > 0 && (
        <Alert tone="warning">
          <span data-testid="overrun-warning">
            The agenda overruns the meeting by {budget.overrunMinutes} minutes: it would end at {time.format(budget.slots.at(-1)!.endsAt)} instead of{' '}
            {time.format(new Date(new Date(meeting.startsAt).getTime() + meeting.durationMinutes * 60_000))}. Shorten cases or move some to another meeting.
          </span>
        </Alert>
      )}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">No case is on this agenda yet. Accept referrals into this meeting from the referrals inbox.</p>
      ) : (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
            <ol className="space-y-2" aria-label="Agenda">
              {items.map((item, index) => (
                <AgendaRow key={item.id} item={item} index={index} slotStart={time.format(budget.slots[index]!.startsAt)} editable={editable && !pending} onMinutes={onMinutes} onRemove={onRemove} />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
      {editable && items.length > 1 && <p className="text-xs text-slate-600">Drag a case by its handle, or focus the handle, press Space, move with the arrow keys and press Space again.</p>}
    </div>
  );
}

function AgendaRow(props: { item: AgendaItemDto; index: number; slotStart: string; editable: boolean; onMinutes: (item: AgendaItemDto, minutes: number) => void; onRemove: (item: AgendaItemDto) => void }) {
  const { item, index, slotStart, editable } = props;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: !editable });
  const [minutes, setMinutes] = useState(String(item.minutesAllotted));
  const minutesId = `minutes-${item.id}`;
  const parsed = Number(minutes);
  const minutesValid = Number.isInteger(parsed) && parsed >= 1 && parsed <= 120;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`flex flex-wrap items-center gap-3 rounded-md border bg-white p-3 text-sm ${isDragging ? 'border-brand-600 shadow-lg' : 'border-slate-200'}`}
      data-testid="agenda-item"
      data-case-id={item.caseId}
    >
      <button type="button" className="cursor-grab rounded p-1 text-slate-500 hover:bg-slate-100 disabled:cursor-not-allowed" aria-label={`Move ${item.patient.displayName}`} disabled={!editable} {...attributes} {...listeners}>
        <GripVertical aria-hidden className="size-4" />
      </button>
      <span className="w-8 font-semibold text-slate-700">{index + 1}.</span>
      <span className="w-14 tabular-nums text-slate-700" data-testid="slot-start">
        {slotStart}
      </span>
      <div className="min-w-0 grow">
        <Link href={`/cases/${item.caseId}`} prefetch={false} className="font-medium text-brand-800 underline">
          {item.patient.displayName}
        </Link>{' '}
        <span className="text-slate-600">MRN {item.patient.mrn} · {tumorEntityLabels[item.entity as TumorEntity] ?? item.entity}</span> {item.patient.isSynthetic && <SyntheticBadge />}{' '}
        {item.urgency === 'URGENT' && <Badge tone="danger">Urgent</Badge>}
        <p className="truncate text-slate-700">{item.question}</p>
      </div>
      <form
        className="flex items-center gap-2"
        aria-label={`Minutes for ${item.patient.displayName}`}
        onSubmit={(e) => {
          e.preventDefault();
          if (minutesValid && parsed !== item.minutesAllotted) props.onMinutes(item, parsed);
        }}
      >
        <label htmlFor={minutesId} className="text-slate-700">
          Minutes
        </label>
        <input
          id={minutesId}
          type="number"
          min={1}
          max={120}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          disabled={!editable}
          aria-invalid={!minutesValid || undefined}
          className="w-20 rounded-md border border-slate-300 px-2 py-1 aria-invalid:border-red-600"
        />
        <Button type="submit" variant="secondary" disabled={!editable || !minutesValid || parsed === item.minutesAllotted}>
          Save
        </Button>
      </form>
      <Button variant="ghost" disabled={!editable} onClick={() => props.onRemove(item)} aria-label={`Remove ${item.patient.displayName} from the agenda`}>
        Remove
      </Button>
    </li>
  );
}
