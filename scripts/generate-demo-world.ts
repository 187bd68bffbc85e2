// Writes the synthetic demo world to disk:
//   DIR/fhir/<mrn>.json                              one FHIR R4 transaction bundle per patient
//   DIR/dicom/<mrn>/<study>/<series>/<nnn>.dcm       CT slices (DICOM Part 10)
//   DIR/manifest.json                                patients, boards, case proposals, CT ground truth
//
//   npx tsx scripts/generate-demo-world.ts --out DIR [--patients 40] [--seed 1]
//        [--reference-date YYYY-MM-DD (default: today, UTC)] [--slices 64] [--size 256]
//        [--no-dicom] [--dicom-patients N (only the first N patients get images)]
//
// The output is a function of (seed, reference date, sizes): run it twice with the
// same arguments and the files are byte-identical.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CT, DEFAULT_PATIENTS, generateDemoPatients, renderCtSeries } from '../lib/demo-world';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    patients: { type: 'string', default: String(DEFAULT_PATIENTS) },
    seed: { type: 'string', default: '1' },
    'reference-date': { type: 'string' },
    slices: { type: 'string', default: String(DEFAULT_CT.slices) },
    size: { type: 'string', default: String(DEFAULT_CT.size) },
    'no-dicom': { type: 'boolean', default: false },
    'dicom-patients': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help || !values.out) {
  console.log('usage: npx tsx scripts/generate-demo-world.ts --out DIR [--patients N] [--seed S] [--reference-date YYYY-MM-DD] [--slices N] [--size N] [--no-dicom] [--dicom-patients N]');
  process.exit(values.help ? 0 : 2);
}

const integer = (name: string, text: string) => {
  const n = Number(text);
  if (!Number.isInteger(n)) {
    console.error(`--${name} must be an integer, got "${text}"`);
    process.exit(2);
  }
  return n;
};
const referenceDate = values['reference-date'] ? new Date(`${values['reference-date']}T00:00:00Z`) : new Date(new Date().toISOString().slice(0, 10));
if (Number.isNaN(referenceDate.getTime())) {
  console.error(`--reference-date must be YYYY-MM-DD, got "${values['reference-date']}"`);
  process.exit(2);
}
const options = {
  seed: integer('seed', values.seed),
  patients: integer('patients', values.patients),
  referenceDate,
  ct: { slices: integer('slices', values.slices), size: integer('size', values.size) },
};
const dicomPatients = values['no-dicom'] ? 0 : values['dicom-patients'] ? integer('dicom-patients', values['dicom-patients']) : Infinity;

const out = path.resolve(values.out);
mkdirSync(path.join(out, 'fhir'), { recursive: true });
const manifest = [];
let bundleMs = 0;
let renderMs = 0;
let series = 0;
let files = 0;
let index = 0;
let started = performance.now();
for (const patient of generateDemoPatients(options)) {
  bundleMs += performance.now() - started;
  writeFileSync(path.join(out, 'fhir', `${patient.mrn}.json`), `${JSON.stringify(patient.bundle)}\n`);
  if (index < dicomPatients) {
    for (const spec of patient.ctSeries) {
      const t = performance.now();
      for (const file of renderCtSeries(spec)) {
        const target = path.join(out, 'dicom', patient.mrn, file.name);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, file.bytes);
        files += 1;
      }
      renderMs += performance.now() - t;
      series += 1;
    }
  }
  const { bundle: _bundle, ...summary } = patient;
  manifest.push({ ...summary, fhir: `fhir/${patient.mrn}.json`, dicom: index < dicomPatients && patient.ctSeries.length > 0 ? `dicom/${patient.mrn}` : null, ctSeries: patient.ctSeries.map(({ sopInstanceUids: _uids, ...s }) => s) });
  index += 1;
  started = performance.now();
}
writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify({ seed: options.seed, referenceDate: referenceDate.toISOString().slice(0, 10), ct: options.ct, patients: manifest }, null, 2)}\n`);
console.log(`demo world: ${index} patients (seed ${options.seed}, reference date ${referenceDate.toISOString().slice(0, 10)}) → ${out}`);
console.log(`  FHIR bundles generated in ${bundleMs.toFixed(0)} ms`);
if (series > 0) console.log(`  ${series} CT series, ${files} DICOM files rendered in ${renderMs.toFixed(0)} ms (${(renderMs / series).toFixed(0)} ms per series)`);
