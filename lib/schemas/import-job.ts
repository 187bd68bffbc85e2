// What leaves the server about an import job, and the small vocabularies around it.
import { z } from 'zod';

export const importChannels = ['ui', 'api', 'cli', 'seed'] as const;
export type ImportChannel = (typeof importChannels)[number];

export const importKindSchema = z.enum(['FHIR', 'DICOM'], { message: 'Choose what you are importing: FHIR or DICOM.' });

export interface ImportTotals {
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export interface ImportJobDto {
  id: string;
  kind: 'FHIR' | 'DICOM';
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
  channel: ImportChannel;
  sourceName: string;
  requestedBy: string;
  totalItems: number;
  processedItems: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  failedCount: number;
  error: string | null;
  /** Per-file results and issues; only in the single-job view. */
  outcome: unknown;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export const finishedStatuses = new Set<ImportJobDto['status']>(['SUCCEEDED', 'PARTIAL', 'FAILED']);
