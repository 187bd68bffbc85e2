// Small builders for the case-screen DTOs in unit tests.
import type { CaseReportDto, LabSeriesDto, LabValueDto, TherapyPeriodDto } from '@/lib/schemas/case-screen';

export function labValue(effectiveAt: string, value: number | null, extra: Partial<LabValueDto> = {}): LabValueDto {
  return { id: `v-${effectiveAt}-${value}`, effectiveAt, value, valueText: null, interpretation: null, ...extra };
}

export function labSeries(code: string, extra: Partial<LabSeriesDto> = {}): LabSeriesDto {
  return {
    code,
    loincCode: code,
    display: `${code} [Mass/volume] in Serum or Plasma`,
    unit: 'U/L',
    referenceLow: null,
    referenceHigh: null,
    referenceText: null,
    panel: 'Chemistry',
    isTumorMarker: false,
    values: [labValue('2026-01-01T08:00:00Z', 1)],
    ...extra,
  };
}

export function therapy(id: string, start: string, end: string | null, extra: Partial<TherapyPeriodDto> = {}): TherapyPeriodDto {
  return { id, kind: 'systemic-therapy', label: id, start, end, ...extra };
}

export function report(id: string, issuedAt: string, extra: Partial<CaseReportDto> = {}): CaseReportDto {
  return { id, type: 'PATHOLOGY', title: `Report ${id}`, text: '', conclusion: null, status: 'final', authorName: null, issuedAt, reviews: [], ...extra };
}
