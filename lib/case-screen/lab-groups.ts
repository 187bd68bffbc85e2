// The labs table: one row per analyte with its newest value, grouped by panel,
// with the entity's tumor markers first as their own group.
import { labPanelOrder } from '@/lib/clinical/lab-panels';
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
 * Panels in the order of lib/clinical/lab-panels.ts (which the loader assigns).
 * Markers of other entities keep their "Tumor markers" panel but go last (before
 * "Other"), as "Other tumor markers": the entity's own markers lead the table.
 */
const OTHER_MARKERS = 'Other tumor markers';
const PANEL_ORDER: readonly string[] = [...labPanelOrder.filter((p) => p !== 'Tumor markers' && p !== 'Other'), OTHER_MARKERS, 'Other'];

function panelRank(panel: string): number {
  const index = PANEL_ORDER.indexOf(panel);
  // Panels we do not know (another loader, a local code system) go before "Other tumor markers".
  return index === -1 ? PANEL_ORDER.indexOf(OTHER_MARKERS) - 0.5 : index;
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
 * unknown ones alphabetically); within a panel the server's order is kept. Series
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
    const trimmed = s.panel.trim();
    const panel = !trimmed ? 'Other' : trimmed === 'Tumor markers' ? OTHER_MARKERS : trimmed;
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
