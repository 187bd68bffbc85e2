// The labs table: one row per analyte with its newest value, grouped by panel,
// with the entity's tumor markers first as their own group.
import type { LabSeriesDto, LabValueDto } from '@/lib/schemas/case-screen';
import { labFlag, latestLabValue, type LabFlag } from './lab-values';
import { entityLabel, tumorMarkerName, tumorMarkerRank } from './tumor-markers';

export interface LabRow {
  series: LabSeriesDto;
  /** Short name for the table ("CEA", "Hemoglobin"); the LOINC display stays available. */
  name: string;
  latest: LabValueDto | null;
  flag: LabFlag | null;
}

export interface LabGroup {
  id: string;
  heading: string;
  /** The entity's tumor markers: shown first and emphasised. */
  tumorMarkers: boolean;
  rows: LabRow[];
}

/**
 * Panels in the order a clinician reads them; others (including markers of other
 * entities) follow alphabetically.
 */
const PANEL_ORDER = ['Blood count', 'Hematology', 'Kidney', 'Renal', 'Liver', 'Electrolytes', 'Chemistry', 'Coagulation', 'Endocrine', 'Inflammation'];

function panelRank(panel: string): number {
  const index = PANEL_ORDER.findIndex((p) => p.toLowerCase() === panel.toLowerCase());
  return index === -1 ? PANEL_ORDER.length : index;
}

/**
 * "Hemoglobin [Mass/volume] in Blood" → "Hemoglobin"; tumor markers by their
 * clinical name ("Cancer Ag 15-3 [Units/volume]…" → "CA 15-3").
 */
export function shortAnalyteName(series: Pick<LabSeriesDto, 'display' | 'loincCode' | 'code'>): string {
  const marker = tumorMarkerName(series.loincCode);
  if (marker) return marker;
  const cut = series.display.split(' [')[0]?.trim();
  return cut || series.display.trim() || series.code;
}

/**
 * A series is shown as a tumor marker when the server says it matters for this
 * case's entity or it is one of the entity's markers in lib/case-screen/tumor-markers.ts.
 */
export function isEntityTumorMarker(series: Pick<LabSeriesDto, 'isTumorMarker' | 'loincCode'>, entity: string): boolean {
  return series.isTumorMarker || tumorMarkerRank(entity, series.loincCode) !== -1;
}

function toRow(series: LabSeriesDto): LabRow {
  const latest = latestLabValue(series);
  return { series, name: shortAnalyteName(series), latest, flag: latest ? labFlag(latest, series) : null };
}

/**
 * Groups the series for the table: the entity's tumor markers first (most
 * important first), then one group per panel (known panels in reading order,
 * others alphabetically); within a panel the server's order is kept. Series
 * without any value are left out (nothing to show).
 */
export function groupLabSeries(series: readonly LabSeriesDto[], entity: string): LabGroup[] {
  const markers: LabSeriesDto[] = [];
  const byPanel = new Map<string, LabSeriesDto[]>();
  for (const s of series) {
    if (s.values.length === 0) continue;
    if (isEntityTumorMarker(s, entity)) {
      markers.push(s);
      continue;
    }
    const panel = s.panel.trim() || 'Other';
    byPanel.set(panel, [...(byPanel.get(panel) ?? []), s]);
  }
  const rank = (s: LabSeriesDto) => {
    const r = tumorMarkerRank(entity, s.loincCode);
    return r === -1 ? Number.MAX_SAFE_INTEGER : r;
  };
  const groups: LabGroup[] = [];
  if (markers.length > 0) {
    groups.push({
      id: 'tumor-markers',
      heading: entity && entity !== 'OTHER' ? `Tumor markers (${entityLabel(entity)})` : 'Tumor markers',
      tumorMarkers: true,
      rows: markers.toSorted((a, b) => rank(a) - rank(b)).map(toRow),
    });
  }
  const panels = [...byPanel.keys()].toSorted((a, b) => panelRank(a) - panelRank(b) || a.localeCompare(b));
  for (const panel of panels) {
    groups.push({ id: `panel-${panel}`, heading: panel, tumorMarkers: false, rows: (byPanel.get(panel) ?? []).map(toRow) });
  }
  return groups;
}

/**
 * The analyte to show first: the one asked for (?lab= / timeline, by code or LOINC
 * code), else the first tumor marker, else the first row; null without labs.
 */
export function initialLabCode(groups: readonly LabGroup[], requested: string | null): string | null {
  const rows = groups.flatMap((g) => g.rows);
  if (requested) {
    const match = rows.find((r) => r.series.code === requested || r.series.loincCode === requested);
    if (match) return match.series.code;
  }
  return rows[0]?.series.code ?? null;
}
