// The synthetic demo world: FHIR R4 transaction bundles and lazily rendered CT
// series for the seed, the CLI (scripts/generate-demo-world.ts) and the bench.
export { generateDemoWorld, generateDemoPatients, DEFAULT_CT, DEFAULT_PATIENTS } from './generate-demo-world';
export { renderCtSeries, renderCtSlice, type RenderedDicomFile } from './ct/render-ct-series';
export { renderCtSeriesInWorker } from './ct/render-in-worker';
export { BOARD_SLUGS } from './entities';
export { SYNTHETIC_BANNER } from './reports/report-text';
export type { DemoCtLesion, DemoCtSeriesSpec, DemoEntity, DemoPatient, DemoWorld, DemoWorldOptions, DemoCaseProposal } from './types';
