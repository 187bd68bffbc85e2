// The demo world's patients arrive through the same doors as a hospital's data:
// the generated FHIR bundles go through the FHIR importer and the rendered CT
// series through the DICOM importer (lib/imports), as system imports with channel
// "seed". Nothing here writes clinical rows directly.
import { generateDemoWorld, renderCtSeriesInWorker, type DemoPatient } from '@/lib/demo-world';
import type { DicomSource } from '@/lib/dicom/import-dicom';
import type { ExecutedImport } from '@/lib/imports/execute-import';
import { runImportInline } from '@/lib/imports/run-import-inline';

/** The demo world is always the same world: fixed seed, dates relative to the day it is first loaded. */
export const DEMO_WORLD_SEED = 1;

export interface LoadedDemoWorld {
  patients: DemoPatient[];
  fhir: ExecutedImport & { jobId: string };
  dicom: ExecutedImport & { jobId: string };
}

export async function loadDemoClinicalWorld(options: { referenceDate: Date; patients?: number; log?: (line: string) => void }): Promise<LoadedDemoWorld> {
  const log = options.log ?? (() => {});
  const world = generateDemoWorld({ seed: DEMO_WORLD_SEED, patients: options.patients, referenceDate: options.referenceDate });

  let started = performance.now();
  const fhir = await runImportInline({
    actor: null,
    kind: 'FHIR',
    channel: 'seed',
    sourceName: `demo world (seed ${DEMO_WORLD_SEED}): ${world.patients.length} FHIR bundles`,
    files: world.patients.map((patient) => {
      const bytes = Buffer.from(JSON.stringify(patient.bundle));
      return { name: `${patient.mrn}.json`, bytes: bytes.byteLength, read: async () => bytes };
    }),
  });
  log(`  FHIR: ${fhir.status}, ${fhir.totals.created} created, ${fhir.totals.unchanged} unchanged (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (fhir.status !== 'SUCCEEDED') throw new Error(`The demo world's FHIR import did not succeed (job ${fhir.jobId}): ${JSON.stringify(fhir.outcome).slice(0, 2000)}`);

  const series = world.patients.flatMap((patient) => patient.ctSeries);
  const count = series.reduce((sum, spec) => sum + spec.slices, 0);
  async function* sources(): AsyncIterable<DicomSource> {
    // Rendered a series at a time on a second core while the previous one is stored:
    // the world's ~4,300 CT slices never sit in memory together.
    for await (const file of renderCtSeriesInWorker(series)) yield { name: `${file.spec.mrn}/${file.name}`, bytes: file.bytes };
  }
  started = performance.now();
  const dicom = await runImportInline({
    actor: null,
    kind: 'DICOM',
    channel: 'seed',
    sourceName: `demo world (seed ${DEMO_WORLD_SEED}): ${series.length} CT series`,
    files: [],
    generatedDicom: { sources: sources(), count },
  });
  log(`  DICOM: ${dicom.status}, ${dicom.totals.created} stored, ${dicom.totals.unchanged} unchanged (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (dicom.status !== 'SUCCEEDED') throw new Error(`The demo world's DICOM import did not succeed (job ${dicom.jobId}).`);
  return { patients: world.patients, fhir, dicom };
}
