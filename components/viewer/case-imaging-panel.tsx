'use client';
// Placeholder until the cornerstone3d viewer lands (owned by components/viewer/).
import type { CaseImagingDto } from '@/lib/schemas/case-screen';

export interface CaseImagingPanelProps {
  caseId: string;
  imaging: CaseImagingDto;
  /** The viewing clinician may save measurements and mark key images. */
  canAnnotate: boolean;
  /** Study to open first (from the timeline or ?study=); else the newest with images. */
  initialStudyUid: string | null;
}

export function CaseImagingPanel({ imaging }: CaseImagingPanelProps) {
  return <p className="text-sm text-slate-600">{imaging.studies.length} imaging studies.</p>;
}
