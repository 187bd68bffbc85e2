// Which lifecycle changes the registry offers for a version, mirroring what
// lib/db/model-versions.ts allows (it refuses anything else with CONFLICT):
//   VALIDATED → shadow | activate | retire;  SHADOW → activate | retire;
//   ACTIVE → roll back (when it replaced a version) | retire;  RETIRED → shadow | activate.
// Pure, so the buttons and the unit test agree with the server's table.
import type { ModelVersionStatus } from '@/lib/schemas/inference';

export type ModelTransition = 'shadow' | 'activate' | 'rollback' | 'retire';

export interface TransitionOption {
  transition: ModelTransition;
  label: string;
  /** What it does, in the admin's terms. */
  effect: string;
  variant: 'primary' | 'secondary' | 'danger';
}

const OPTIONS: Record<ModelTransition, TransitionOption> = {
  shadow: { transition: 'shadow', label: 'Run in shadow mode', effect: 'Runs beside the active version on every case; clinicians never see its results.', variant: 'secondary' },
  activate: { transition: 'activate', label: 'Activate', effect: 'Clinicians see this version’s results from the next run; the active version is retired.', variant: 'primary' },
  rollback: { transition: 'rollback', label: 'Roll back', effect: 'Retires this version and activates again the version it replaced.', variant: 'danger' },
  retire: { transition: 'retire', label: 'Retire', effect: 'Takes the version out of service.', variant: 'danger' },
};

export function allowedTransitions(version: { status: ModelVersionStatus; replacesVersionId: string | null }): TransitionOption[] {
  switch (version.status) {
    case 'VALIDATED':
      return [OPTIONS.shadow, OPTIONS.activate, OPTIONS.retire];
    case 'SHADOW':
      return [OPTIONS.activate, OPTIONS.retire];
    case 'ACTIVE':
      return version.replacesVersionId ? [OPTIONS.rollback, OPTIONS.retire] : [OPTIONS.retire];
    case 'RETIRED':
      return [OPTIONS.shadow, OPTIONS.activate];
    case 'DRAFT':
    case 'REJECTED':
      return [];
  }
}

export const modelStatusLabels: Record<ModelVersionStatus, string> = {
  DRAFT: 'draft',
  VALIDATED: 'validated',
  SHADOW: 'shadow',
  ACTIVE: 'active',
  RETIRED: 'retired',
  REJECTED: 'rejected',
};

export const modelStatusTones: Record<ModelVersionStatus, 'neutral' | 'brand' | 'warning' | 'danger' | 'success'> = {
  DRAFT: 'neutral',
  VALIDATED: 'brand',
  SHADOW: 'warning',
  ACTIVE: 'success',
  RETIRED: 'neutral',
  REJECTED: 'danger',
};
