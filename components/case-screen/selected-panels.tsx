'use client';
// Panels opened at the item the URL names (set by the timeline, links, reloads).
import { CaseImagingPanel, type CaseImagingPanelProps } from '@/components/viewer/case-imaging-panel';
import { useCaseSelection } from './case-selection';
import { LabsPanel, type LabsPanelProps } from './labs-panel';
import { ReportsPanel, type ReportsPanelProps } from './reports-panel';

export function SelectedReportsPanel(props: Omit<ReportsPanelProps, 'initialReportId'>) {
  return <ReportsPanel {...props} initialReportId={useCaseSelection('reports')} />;
}

export function SelectedLabsPanel(props: Omit<LabsPanelProps, 'initialCode'>) {
  return <LabsPanel {...props} initialCode={useCaseSelection('labs')} />;
}

export function SelectedImagingPanel(props: Omit<CaseImagingPanelProps, 'initialStudyUid'>) {
  return <CaseImagingPanel {...props} initialStudyUid={useCaseSelection('imaging')} />;
}
