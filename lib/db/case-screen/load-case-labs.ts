import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { isTumorMarkerFor, labPanelFor } from '@/lib/clinical/lab-panels';
import type { CaseLabsDto, LabSeriesDto, LabValueDto, TherapyPeriodDto } from '@/lib/schemas/case-screen';
import { db } from '../client';
import { findCaseInScope } from '../case-scope-lookup';
import { auditCaseView } from './audit-case-view';
import { fetchObservations, fetchTherapies, type ObservationRow, type TherapyRows } from './case-rows';

const INTERPRETATIONS = new Set(['H', 'L', 'HH', 'LL', 'N', 'A']);
const NOT_GIVEN_MEDICATION = new Set(['entered-in-error', 'cancelled', 'not-taken']);
const NOT_DONE_PROCEDURE = new Set(['entered-in-error', 'not-done']);

/** The patient's laboratory results per analyte and the therapy periods the charts mark. Audited. */
export async function loadCaseLabs(options: { actor: Actor; caseId: string }): Promise<CaseLabsDto> {
  const { actor, caseId } = options;
  assertCan(actor, 'cases.read');
  return db().$transaction(async (tx) => {
    const scoped = await findCaseInScope(tx, actor, caseId);
    const observations = await fetchObservations(tx, scoped.patientId, ['LABORATORY']);
    const therapies = await fetchTherapies(tx, scoped.patientId);
    const labs = buildCaseLabs({ entity: scoped.entity, observations, therapies });
    await auditCaseView(tx, actor, scoped, 'labs', labs.series.reduce((n, s) => n + s.values.length, 0));
    return labs;
  });
}

/** Pure: laboratory observations (oldest first; other categories are ignored) grouped per analyte. */
export function buildCaseLabs(input: { entity: string; observations: ObservationRow[]; therapies: TherapyRows }): CaseLabsDto {
  const bySeries = new Map<string, LabSeriesDto>();
  for (const row of input.observations) {
    if (row.category !== 'LABORATORY') continue;
    // One analyte = one code (and one unit: a unit change starts a new series, never a silently mixed chart).
    const code = row.loincCode ?? (row.code ? `${row.codeSystem ?? ''}|${row.code}` : row.display);
    const key = `${code}|${row.unit ?? ''}`;
    let series = bySeries.get(key);
    if (!series) {
      series = {
        code,
        loincCode: row.loincCode,
        display: row.display,
        unit: row.unit,
        referenceLow: null,
        referenceHigh: null,
        referenceText: null,
        panel: labPanelFor(row.loincCode),
        isTumorMarker: isTumorMarkerFor(row.loincCode, input.entity),
        values: [],
      };
      bySeries.set(key, series);
    }
    // Rows come oldest first, so the last range seen is the newest one sent.
    if (row.referenceLow !== null || row.referenceHigh !== null || row.referenceText !== null) {
      series.referenceLow = row.referenceLow;
      series.referenceHigh = row.referenceHigh;
      series.referenceText = row.referenceText;
    }
    const value: LabValueDto = {
      id: row.id,
      effectiveAt: row.effectiveAt.toISOString(),
      value: row.valueNumeric,
      valueText: row.valueText,
      interpretation: row.interpretation && INTERPRETATIONS.has(row.interpretation) ? (row.interpretation as LabValueDto['interpretation']) : null,
    };
    series.values.push(value);
  }
  return { series: [...bySeries.values()], therapies: buildTherapyPeriods(input.therapies) };
}

/** Systemic therapies, radiotherapy courses and operations that happened, oldest first. */
export function buildTherapyPeriods({ medications, procedures }: TherapyRows): TherapyPeriodDto[] {
  const periods: TherapyPeriodDto[] = [
    ...medications
      .filter((m) => m.startDate && !NOT_GIVEN_MEDICATION.has(m.status))
      .map((m) => ({ id: m.id, kind: 'systemic-therapy' as const, label: m.regimen ?? m.display, start: m.startDate!.toISOString(), end: m.endDate?.toISOString() ?? null })),
    ...procedures
      .filter((p) => (p.category === 'RADIOTHERAPY' || p.category === 'SURGERY') && !NOT_DONE_PROCEDURE.has(p.status))
      .map((p) => ({
        id: p.id,
        kind: p.category === 'RADIOTHERAPY' ? ('radiotherapy' as const) : ('surgery' as const),
        label: p.display,
        start: p.performedStart.toISOString(),
        end: p.performedEnd?.toISOString() ?? null,
      })),
  ];
  // Several medications of one regimen (e.g. carboplatin + pemetrexed) form one band on the charts.
  const merged = new Map<string, TherapyPeriodDto>();
  for (const period of periods) {
    const key = `${period.kind}|${period.label}|${period.start}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...period });
    else if (period.end === null || (seen.end !== null && period.end > seen.end)) seen.end = period.end;
  }
  return [...merged.values()].sort((a, b) => a.start.localeCompare(b.start));
}
