'use client';
// What the case screen has "open": a report, an imaging study, a lab analyte. Kept in
// the URL (?report=…, ?study=…, ?lab=…) so a link or reload shows the same thing, but
// changed with history.replaceState: Next keeps useSearchParams in sync without a
// server round trip, so clicking the timeline does not reload (and re-audit) every panel.
import { useSearchParams } from 'next/navigation';

export type CaseSelection = { panel: 'reports'; reportId: string } | { panel: 'imaging'; studyInstanceUid: string } | { panel: 'labs'; loincCode: string };

const PARAM = { reports: 'report', imaging: 'study', labs: 'lab' } as const;

export function selectInCaseScreen(selection: CaseSelection) {
  const params = new URLSearchParams(window.location.search);
  const value = selection.panel === 'reports' ? selection.reportId : selection.panel === 'imaging' ? selection.studyInstanceUid : selection.loincCode;
  params.set(PARAM[selection.panel], value);
  window.history.replaceState(null, '', `?${params.toString()}`);
  const panel = document.getElementById(`panel-${selection.panel}`);
  panel?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  panel?.focus({ preventScroll: true });
}

/** The open item of one panel, from the URL. */
export function useCaseSelection(panel: CaseSelection['panel']): string | null {
  return useSearchParams().get(PARAM[panel]);
}
