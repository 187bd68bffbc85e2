'use client';
// Placeholder until the labs panel lands.
import type { CaseLabsDto } from '@/lib/schemas/case-screen';

export interface LabsPanelProps {
  caseId: string;
  labs: CaseLabsDto;
  entity: string;
  timeZone: string;
  /** Analyte to open first (from the timeline or ?lab=). */
  initialCode: string | null;
}

export function LabsPanel({ labs }: LabsPanelProps) {
  return <p className="text-sm text-slate-600">{labs.series.length} analytes.</p>;
}
