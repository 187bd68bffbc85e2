// Which serum tumor markers a board looks at first, per tumor entity (the
// TumorEntity enum). The labs panel lists these first and emphasises them; the
// order within an entity is the order of clinical weight (the marker a board
// follows first comes first). LOINC codes are the mass/units-per-volume serum
// codes the common analysers report (and the ones the demo world uses).

export interface TumorMarker {
  loinc: string;
  /** What clinicians call it (the LOINC long name is too long for a table). */
  name: string;
}

export const MARKERS = {
  cea: { loinc: '2039-6', name: 'CEA' },
  ca153: { loinc: '6875-9', name: 'CA 15-3' },
  ca2729: { loinc: '17842-6', name: 'CA 27-29' },
  ca199: { loinc: '24108-3', name: 'CA 19-9' },
  ca724: { loinc: '17843-4', name: 'CA 72-4' },
  ca125: { loinc: '10334-1', name: 'CA-125' },
  he4Mass: { loinc: '96044-3', name: 'HE4' },
  he4Moles: { loinc: '55180-4', name: 'HE4' },
  psa: { loinc: '2857-1', name: 'PSA' },
  afp: { loinc: '1834-1', name: 'AFP' },
  cyfra: { loinc: '25390-6', name: 'CYFRA 21-1' },
  nse: { loinc: '15060-7', name: 'NSE' },
  proGrp: { loinc: '96461-9', name: 'ProGRP' },
  s100b: { loinc: '47275-3', name: 'S100B' },
  ldh: { loinc: '2532-0', name: 'LDH' },
  b2m: { loinc: '1952-1', name: 'β2-microglobulin' },
  chromograninA: { loinc: '9811-1', name: 'Chromogranin A' },
} as const satisfies Record<string, TumorMarker>;

const M = MARKERS;

/** Entities without an established serum marker (kidney, bladder, CNS, sarcoma…) have none. */
const BY_ENTITY: Readonly<Record<string, readonly TumorMarker[]>> = {
  BREAST: [M.ca153, M.cea, M.ca2729],
  COLORECTAL: [M.cea, M.ca199],
  UPPER_GI: [M.cea, M.ca199, M.ca724],
  PANCREAS: [M.ca199, M.cea],
  HEPATOBILIARY: [M.afp, M.ca199, M.cea],
  PROSTATE: [M.psa],
  GYNECOLOGIC: [M.ca125, M.he4Mass, M.he4Moles],
  LUNG: [M.cea, M.cyfra, M.nse, M.proGrp],
  SKIN: [M.s100b, M.ldh],
  LYMPHOMA: [M.ldh, M.b2m],
};

/** The markers that matter for an entity, most important first; [] when none (or an unknown entity). */
export function tumorMarkersForEntity(entity: string): readonly TumorMarker[] {
  return BY_ENTITY[entity] ?? [];
}

/**
 * Position of a LOINC code among the entity's markers (0 = most important), or -1
 * when it is not one of them.
 */
export function tumorMarkerRank(entity: string, loincCode: string | null): number {
  if (!loincCode) return -1;
  return tumorMarkersForEntity(entity).findIndex((m) => m.loinc === loincCode);
}

const NAME_BY_LOINC: ReadonlyMap<string, string> = new Map(Object.values(MARKERS).map((m) => [m.loinc, m.name]));

/** The short clinical name of a known tumor marker, whatever the entity. */
export function tumorMarkerName(loincCode: string | null): string | null {
  return loincCode ? (NAME_BY_LOINC.get(loincCode) ?? null) : null;
}

const ENTITY_LABELS: Readonly<Record<string, string>> = {
  LUNG: 'lung',
  BREAST: 'breast',
  COLORECTAL: 'colorectal',
  UPPER_GI: 'upper GI',
  PANCREAS: 'pancreas',
  HEPATOBILIARY: 'hepatobiliary',
  PROSTATE: 'prostate',
  KIDNEY: 'kidney',
  BLADDER: 'bladder',
  GYNECOLOGIC: 'gynecologic',
  HEAD_AND_NECK: 'head and neck',
  SKIN: 'skin',
  CNS: 'CNS',
  LYMPHOMA: 'lymphoma',
  SARCOMA: 'sarcoma',
};

/** "breast", "upper GI"…, for text such as "Tumor markers (breast)". */
export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity.toLowerCase().replaceAll('_', ' ');
}
