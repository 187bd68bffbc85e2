// Writes the radiology report of a rendered CT study from the phantom's own
// ground truth: every lesion the images contain is described at the size the
// spec gives it, compared with the prior study when there is one, and organs
// without lesions get the usual negative statements. A RECIST-like comparison
// of the summed long axes gives the overall assessment.
import type { PlannedLesion } from '../clinical/story';
import { LESION_SITES, type LesionSite } from '../ct/lesion-sites';
import type { DemoCtLesion, DemoCtSeriesSpec } from '../types';

const SECTIONS: { name: LesionSite['section'] | 'Bones'; negative: string }[] = [
  { name: 'Lungs', negative: 'No pulmonary nodule or mass. No pleural effusion.' },
  { name: 'Mediastinum', negative: 'No enlarged mediastinal or hilar lymph node.' },
  { name: 'Breasts', negative: 'No focal breast lesion on CT.' },
  { name: 'Axillae', negative: 'No enlarged axillary lymph node.' },
  { name: 'Liver', negative: 'No focal liver lesion.' },
  { name: 'Adrenals', negative: 'Adrenal glands unremarkable.' },
  { name: 'Pancreas', negative: 'Pancreas unremarkable.' },
  { name: 'Lymph nodes', negative: 'No enlarged abdominal or pelvic lymph node.' },
  { name: 'Bowel', negative: 'No bowel wall thickening.' },
  { name: 'Pelvis', negative: 'Urinary bladder unremarkable.' },
  { name: 'Soft tissues', negative: 'No subcutaneous nodule.' },
  { name: 'Bones', negative: 'No suspicious osseous lesion.' },
];

const size = (l: DemoCtLesion) => `${l.diametersMm[0]} x ${l.diametersMm[1]} mm (axial), ${l.diametersMm[2]} mm craniocaudal`;
const dateText = (dicom: string) => `${dicom.slice(0, 4)}-${dicom.slice(4, 6)}-${dicom.slice(6, 8)}`;

export interface CtReportBody {
  lines: string[];
  conclusion: string;
}

export function writeCtReport(spec: DemoCtSeriesSpec, planned: readonly PlannedLesion[], indication: string, prior?: DemoCtSeriesSpec): CtReportBody {
  const words = new Map(planned.map((p) => [p.id, p]));
  const before = new Map((prior?.lesions ?? []).map((l) => [l.id, l]));
  const lines = [
    `Clinical information: ${indication}`,
    `Comparison: ${prior ? `CT of ${dateText(prior.studyDate)}.` : 'None available.'}`,
    `Technique: non-contrast axial CT from the lung apices to the pelvis, ${spec.sliceThicknessMm.toFixed(1)} mm slices.`,
    '',
    'Findings:',
  ];
  for (const section of SECTIONS) {
    const here = spec.lesions.filter((l) => LESION_SITES[l.site as keyof typeof LESION_SITES]?.section === section.name);
    const gone = [...before.values()].filter((l) => LESION_SITES[l.site as keyof typeof LESION_SITES]?.section === section.name && !spec.lesions.some((c) => c.id === l.id));
    if (here.length === 0 && gone.length === 0) {
      lines.push(`${section.name}: ${section.negative}`);
      continue;
    }
    const sentences = here.map((l) => {
      const w = words.get(l.id);
      const was = before.get(l.id);
      const comparison = was ? ` (previously ${was.diametersMm[0]} x ${was.diametersMm[1]} mm)` : prior ? ' (new)' : '';
      return `${capitalise(w?.noun ?? 'lesion')} in the ${l.label} measuring ${size(l)}${comparison}, ${w?.reading ?? 'indeterminate'}.`;
    });
    for (const l of gone) sentences.push(`The previously described finding in the ${l.label} is no longer visible.`);
    lines.push(`${section.name}: ${sentences.join(' ')}`);
  }

  const impression = spec.lesions.map((l, i) => `${i + 1}. ${capitalise(words.get(l.id)?.noun ?? 'lesion')}, ${l.label}, ${l.diametersMm[0]} mm: ${words.get(l.id)?.reading ?? 'indeterminate'}.`);
  if (spec.lesions.length === 0) impression.push('1. No evidence of tumor.');
  const assessment = prior ? recist(spec, prior) : undefined;
  if (assessment) impression.push(`Overall assessment (RECIST 1.1-like, sum of long axes ${assessment.sum} mm vs. ${assessment.priorSum} mm): ${assessment.category}.`);
  if (!spec.lesions.some((l) => /metasta/.test(words.get(l.id)?.reading ?? ''))) impression.push('No evidence of distant metastasis.');
  lines.push('', 'Impression:', ...impression);
  return { lines, conclusion: impression.join(' ') };
}

function recist(spec: DemoCtSeriesSpec, prior: DemoCtSeriesSpec) {
  const sum = spec.lesions.reduce((s, l) => s + l.diametersMm[0], 0);
  const priorSum = prior.lesions.reduce((s, l) => s + l.diametersMm[0], 0);
  const newLesion = spec.lesions.some((l) => !prior.lesions.some((p) => p.id === l.id));
  let category: string;
  if (newLesion || (sum >= priorSum * 1.2 && sum - priorSum >= 5)) category = 'progressive disease';
  else if (sum === 0) category = 'complete response';
  else if (sum <= priorSum * 0.7) category = 'partial response';
  else category = 'stable disease';
  return { sum, priorSum, category };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
