// One patient of the world: demographics, the entity's story, labs, CT specs and
// reports, all from PRNG streams named after the seed and the patient's index
// (so patient i does not depend on how many patients the world has).
import { addDays, atTime, fhirDate } from './dates';
import { createRng } from './prng';
import { PROCEDURE } from './clinical/code-systems';
import { buildLabSeries } from './clinical/lab-series';
import { modelInputExceptionsOf } from './clinical/model-input-exceptions';
import type { Story } from './clinical/story';
import { PSEUDONYM_WORDS, SYNTHETIC_FAMILY_NAMES, SYNTHETIC_GIVEN_NAMES } from './clinical/synthetic-names';
import { buildCtSeriesSpec, placeLesions, type CtGeometry } from './ct/series-spec';
import { ENTITY_MODULES } from './entities';
import { AUTHOR } from './entities/story-helpers';
import { buildPatientBundle, type PatientBundleInput } from './fhir/patient-bundle';
import { writeCtReport } from './reports/ct-report';
import { composeReportText } from './reports/report-text';
import type { DemoCtSeriesSpec, DemoPatient } from './types';

export interface GeneratePatientInput {
  seed: number;
  index: number;
  today: Date;
  geometry: CtGeometry;
}

/** Every ninth patient has no CT images (reports and labs only), as happens with outside imaging. */
export const hasCtImages = (index: number) => index % 9 !== 8;

export function generateDemoPatient({ seed, index, today, geometry }: GeneratePatientInput): DemoPatient {
  const rng = createRng(`${seed}/patient/${index}`);
  const module = ENTITY_MODULES[index % ENTITY_MODULES.length]!;
  const variant = Math.floor(index / ENTITY_MODULES.length);

  const demo = rng.fork('demographics');
  const sex = demo.pick(module.sexes);
  const age = demo.int(module.ageRange[0], module.ageRange[1]);
  const birthDate = addDays(today, -Math.round(age * 365.25) - demo.int(0, 360));
  const familyName = demo.pick(SYNTHETIC_FAMILY_NAMES);
  const givenName = demo.pick(SYNTHETIC_GIVEN_NAMES[sex]);
  const mrn = `SYN-2${String(index + 1).padStart(5, '0')}`;
  const pseudonym = `Patient ${PSEUDONYM_WORDS[index % PSEUDONYM_WORDS.length]}-${String(Math.floor(index / PSEUDONYM_WORDS.length) + 1).padStart(2, '0')}`;
  const patient = { mrn, familyName, givenName, sex, birthDate: fhirDate(birthDate) };

  const story = module.buildStory({ rng: rng.fork('story'), today, patient: { familyName, givenName, sex, birthDate }, withCt: hasCtImages(index), variant, exceptions: modelInputExceptionsOf(index) });
  story.burden.sort((a, b) => a.date.getTime() - b.date.getTime());
  const labs = buildLabSeries(story, sex, today, rng.fork('labs'));

  const placed = placeLesions(story.ctPlans, geometry, rng.fork('lesions'));
  const ctPatient = { familyName, givenName, birthDate: patient.birthDate, sex: sex === 'FEMALE' ? ('F' as const) : ('M' as const) };
  const ctSeries: DemoCtSeriesSpec[] = story.ctPlans.map((plan, i) =>
    buildCtSeriesSpec({
      seed, mrn, patient: ctPatient, plan, geometry, placed, studyIndex: i,
      role: story.ctPlans.length > 1 && i < story.ctPlans.length - 1 ? 'prior' : 'current',
      anatomy: { breasts: sex === 'FEMALE', prostate: sex === 'MALE' && !hadProstatectomy(story, plan.date) },
      rng: rng.fork(`ct/${i}`),
    }),
  );

  const reports: PatientBundleInput['reports'] = story.reports.map((r) => ({
    kind: r.kind, title: r.title, date: atTime(r.date, 14), author: r.author, conclusion: r.conclusion,
    text: composeReportText({ title: r.title, date: r.date, patient, author: r.author }, r.lines, r.conclusion),
  }));
  ctSeries.forEach((spec, i) => {
    const plan = story.ctPlans[i]!;
    const body = writeCtReport(spec, plan.lesions, plan.indication, i > 0 ? ctSeries[i - 1] : undefined);
    const title = 'CT chest/abdomen/pelvis';
    reports.push({
      kind: 'RADIOLOGY', title, date: atTime(plan.date, 17), author: AUTHOR.radiology, conclusion: body.conclusion, ctSeriesIndex: i,
      text: composeReportText({ title, date: plan.date, patient, author: AUTHOR.radiology, accession: spec.accessionNumber }, body.lines, body.conclusion),
    });
  });
  reports.sort((a, b) => a.date.getTime() - b.date.getTime());

  const bundle = buildPatientBundle({ seed, today, patient, story, labs, ctSeries, reports });
  const d = story.diagnosis;
  return {
    mrn, pseudonym, familyName, givenName, birthDate: patient.birthDate, sex,
    entity: story.entity,
    boardSlug: story.boardSlug,
    caseProposal: {
      question: story.question,
      icd10Code: d.icd10.code,
      icd10Display: d.icd10.display,
      icdO3Morphology: d.morphology.code,
      icdO3Topography: d.topography.code,
      urgency: story.urgency,
    },
    bundle,
    ctSeries,
  };
}

function hadProstatectomy(story: Story, before: Date): boolean {
  return story.procedures.some((p) => p.code.code === PROCEDURE.prostatectomy.code && p.start < before);
}
