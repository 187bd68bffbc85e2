import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { qualityBoardScope } from '@/lib/authz/scopes';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { dayInZone } from '@/lib/format/date';
import { qualityCsv } from '@/lib/quality/quality-csv';
import { DEFAULT_PERIOD_DAYS, type QualityQuery, type QualityReport } from '@/lib/schemas/quality';
import { db, type Tx } from '../client';
import { computeQualityMetrics } from './compute-quality-metrics';

/** The period asked for, or the default (the last 90 days up to today); from after to is swapped. */
export function resolveQualityPeriod(query: QualityQuery, timeZone: string, now: Date = new Date()): { from: string; to: string } {
  const to = query.to ?? dayInZone(now, timeZone);
  const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - DEFAULT_PERIOD_DAYS * 86_400_000).toISOString().slice(0, 10);
  return from <= to ? { from, to } : { from: to, to: from };
}

async function build(tx: Tx, actor: Actor, query: QualityQuery, timeZone: string, now: Date): Promise<QualityReport> {
  const boards = await tx.board.findMany({ where: qualityBoardScope(actor), orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, name: true } });
  // A board outside the actor's scope is simply not among the choices (no figures, no error).
  const boardIds = query.board ? boards.filter((b) => b.id === query.board).map((b) => b.id) : boards.map((b) => b.id);
  const { from, to } = resolveQualityPeriod(query, timeZone, now);
  const metrics = await computeQualityMetrics(tx, { boardIds, from, to });
  return { from, to, boards, metrics };
}

/** The dashboard's figures for the boards the actor may see (one or all), audited with the filters. */
export async function readQualityReport(options: { actor: Actor; query: QualityQuery; timeZone: string; now?: Date }): Promise<QualityReport> {
  const { actor, query, timeZone, now = new Date() } = options;
  assertCan(actor, 'quality.read');
  return db().$transaction(async (tx) => {
    const report = await build(tx, actor, query, timeZone, now);
    await writeAuditEvent(tx, { actor, action: 'quality.read', detail: { boardIds: [...new Set(report.metrics.map((m) => m.boardId))], from: report.from, to: report.to } });
    return report;
  });
}

/** The same figures as CSV (one row per metric), audited as an export. */
export async function exportQualityCsv(options: { actor: Actor; query: QualityQuery; timeZone: string; now?: Date }): Promise<{ csv: string; from: string; to: string }> {
  const { actor, query, timeZone, now = new Date() } = options;
  assertCan(actor, 'quality.read');
  return db().$transaction(async (tx) => {
    const report = await build(tx, actor, query, timeZone, now);
    const csv = qualityCsv({ from: report.from, to: report.to, metrics: report.metrics });
    await writeAuditEvent(tx, {
      actor,
      action: 'quality.export',
      detail: { boardIds: [...new Set(report.metrics.map((m) => m.boardId))], from: report.from, to: report.to, rows: report.metrics.length },
    });
    return { csv, from: report.from, to: report.to };
  });
}
