// `npm run import -- <file|folder>… [--kind fhir|dicom] [--patient MRN]`
// Imports FHIR R4 JSON (bundles or single resources) and DICOM (files, folders,
// DICOMDIR media) from disk through the same importers as the UI and the API.
// A folder may hold both: FHIR goes first so images link to the patients it creates.
// Runs as a system import (no user): it is for the people who run the server.
import { parseArgs } from 'node:util';
import { collectFiles, isFhirFileName } from '../lib/imports/collect-files';
import type { ImportFile } from '../lib/imports/import-file';
import { runImportInline } from '../lib/imports/run-import-inline';

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { kind: { type: 'string' }, patient: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length === 0) {
    console.log('Usage: npm run import -- <file|folder>… [--kind fhir|dicom] [--patient MRN]');
    process.exit(positionals.length === 0 && !values.help ? 2 : 0);
  }
  const kind = values.kind?.toUpperCase();
  if (kind && kind !== 'FHIR' && kind !== 'DICOM') throw new Error('--kind must be fhir or dicom');

  let failed = false;
  for (const target of positionals) {
    const files = await collectFiles(target);
    const fhir = files.filter((f) => (kind ? kind === 'FHIR' : isFhirFileName(f.name)));
    const dicom = files.filter((f) => (kind ? kind === 'DICOM' : !isFhirFileName(f.name)));
    if (fhir.length > 0) failed = (await run('FHIR', target, fhir)) || failed;
    if (dicom.length > 0) failed = (await run('DICOM', target, dicom, values.patient)) || failed;
    if (files.length === 0) console.log(`${target}: no files`);
  }
  process.exit(failed ? 1 : 0);
}

async function run(kind: 'FHIR' | 'DICOM', target: string, files: ImportFile[], patientMrn?: string): Promise<boolean> {
  const started = performance.now();
  const result = await runImportInline({ actor: null, kind, channel: 'cli', sourceName: target, files, patientMrn });
  const seconds = (performance.now() - started) / 1000;
  const t = result.totals;
  console.log(
    `${kind} ${target}: ${result.status} — ${files.length} file(s); created ${t.created}, updated ${t.updated}, unchanged ${t.unchanged}, failed ${t.failed} (${seconds.toFixed(1)} s, job ${result.jobId})`,
  );
  const outcome = result.outcome as { files?: Array<{ name: string; status: string; reason?: string; issues?: Array<{ severity?: string; details?: { text?: string }; diagnostics?: string; expression?: string[] }> }> };
  for (const file of outcome.files ?? []) {
    if (file.reason && (file.status === 'rejected' || file.status === 'duplicate')) console.log(`  ${file.status}: ${file.name}: ${file.reason}`);
    for (const issue of file.issues ?? []) {
      if (issue.severity === 'error' || issue.severity === 'fatal' || issue.severity === 'warning') {
        console.log(`  ${issue.severity}: ${file.name}${issue.expression ? ` ${issue.expression.join(', ')}` : ''}: ${issue.details?.text ?? issue.diagnostics ?? ''}`);
      }
    }
  }
  return result.status === 'FAILED';
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
