import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { buildImportResult } from './build-import-result';
import type { ImportPlan, PlannedEntry } from './import-plan';
import { errorIssue } from './issues';
import type { PayloadKind } from './read-payload';

const failedEntry = (index: number, text: string, conflict = false): PlannedEntry => ({
  index,
  path: `Bundle.entry[${index}].resource`,
  resourceType: 'Observation',
  state: 'failed',
  issues: [errorIssue(text, `Bundle.entry[${index}].resource`)],
  ...(conflict ? { conflict } : {}),
});

const allFailed = (kind: PayloadKind): ImportPlan => ({ kind, entries: [failedEntry(0, 'no date'), failedEntry(1, 'taken', true)], groups: [] });

describe('buildImportResult when every entry failed', () => {
  it('answers a batch with a batch-response carrying each entry\'s status and outcome (the job still FAILED)', () => {
    const result = buildImportResult(allFailed('batch'), { stored: new Map() });
    expect(result).toMatchObject({ status: 'FAILED', kind: 'batch', counts: { failed: 2 }, patientIds: [] });
    const response = result.response as Bundle;
    expect(response).toMatchObject({ resourceType: 'Bundle', type: 'batch-response' });
    expect(response.entry!.map((e) => e.response!.status)).toEqual(['400 Bad Request', '409 Conflict']);
    expect(response.entry![1]!.response!.outcome!.issue![0]).toMatchObject({ details: { text: 'taken' }, expression: ['Bundle.entry[1].resource'] });
  });

  it('answers a transaction with one OperationOutcome listing the problems', () => {
    const result = buildImportResult(allFailed('transaction'), { refused: [], failed: new Map() });
    expect(result.status).toBe('FAILED');
    expect((result.response as OperationOutcome).issue.map((i) => i.details?.text)).toEqual(['no date', 'taken']);
  });
});
