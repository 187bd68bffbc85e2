// Turns a patient's staging and performance-status observations and the clinicians'
// confirmed report facts into the header's TNM, stage group and ECOG: the newest
// wins, and the header says where each value came from. Pure: no database here.
import type { CodedValueDto } from '@/lib/schemas/case-screen';

export interface StagingObservation {
  loincCode: string | null;
  code: string | null;
  valueCode: string | null;
  valueText: string | null;
  valueNumeric: number | null;
  effectiveAt: Date;
}

export interface ConfirmedFact {
  kind: string;
  value: string;
  reportId: string;
  reportTitle: string;
  reportIssuedAt: Date;
  confirmedBy: string;
}

const T_CODES = new Set(['21905-5', '21899-0', '21911-3', '399504009', '384625004', '78873005']);
const N_CODES = new Set(['21906-3', '21900-6', '371494008', '399534004', '277206009']);
const M_CODES = new Set(['21907-1', '21901-4', '399387003', '371497001', '277208005']);
const GROUP_CODES = new Set(['21908-9', '21902-2', '21914-7', '399390009', '399537006', '399588009']);
const PATHOLOGY_CODES = new Set(['21899-0', '21900-6', '21901-4', '21902-2', '384625004', '371494008', '371497001', '399588009']);
const ECOG_CODE = '89247-1';

const codeOf = (o: StagingObservation) => o.loincCode ?? o.code ?? '';
const valueOf = (o: StagingObservation) => o.valueCode ?? o.valueText ?? (o.valueNumeric === null ? null : String(o.valueNumeric));
/** Newest first; on the same day pathological staging outranks clinical. */
const byRecency = (a: StagingObservation, b: StagingObservation) =>
  b.effectiveAt.getTime() - a.effectiveAt.getTime() || Number(PATHOLOGY_CODES.has(codeOf(b))) - Number(PATHOLOGY_CODES.has(codeOf(a)));

function fromObservation(value: string, at: Date): CodedValueDto {
  return { value, source: { kind: 'observation', date: at.toISOString() } };
}

function fromFact(fact: ConfirmedFact): CodedValueDto {
  return {
    value: fact.value,
    source: { kind: 'confirmed-fact', date: fact.reportIssuedAt.toISOString(), reportId: fact.reportId, reportTitle: fact.reportTitle, confirmedBy: fact.confirmedBy },
  };
}

/** The newer of a structured value and a confirmed fact; the fact wins a tie (a clinician looked at it). */
function newer(structured: CodedValueDto | null, fact: ConfirmedFact | undefined): CodedValueDto | null {
  if (!fact) return structured;
  if (!structured?.source.date) return fromFact(fact);
  return fact.reportIssuedAt.getTime() >= new Date(structured.source.date).getTime() ? fromFact(fact) : structured;
}

/** TNM from the newest observation set that has a T category: "cT2a cN2 cM1b". */
function structuredTnm(observations: StagingObservation[]): CodedValueDto | null {
  const sorted = [...observations].sort(byRecency);
  const newestT = sorted.find((o) => T_CODES.has(codeOf(o)) && valueOf(o));
  if (!newestT) return null;
  const sameDay = (o: StagingObservation) => o.effectiveAt.toISOString().slice(0, 10) === newestT.effectiveAt.toISOString().slice(0, 10);
  const pick = (codes: Set<string>) => sorted.find((o) => codes.has(codeOf(o)) && sameDay(o) && valueOf(o));
  const parts = [newestT, pick(N_CODES), pick(M_CODES)].flatMap((o) => (o ? [valueOf(o)!] : []));
  return fromObservation(parts.join(' '), newestT.effectiveAt);
}

function structuredValue(observations: StagingObservation[], codes: Set<string>, format: (o: StagingObservation) => string | null): CodedValueDto | null {
  const newest = [...observations].sort(byRecency).find((o) => codes.has(codeOf(o)) && format(o));
  return newest ? fromObservation(format(newest)!, newest.effectiveAt) : null;
}

/** Newest confirmed fact per kind (facts arrive newest report first or in any order). */
export function newestFactPerKind(facts: ConfirmedFact[]): Map<string, ConfirmedFact> {
  const newest = new Map<string, ConfirmedFact>();
  for (const fact of facts) {
    const seen = newest.get(fact.kind);
    if (!seen || fact.reportIssuedAt > seen.reportIssuedAt) newest.set(fact.kind, fact);
  }
  return newest;
}

export function summarizeStaging(observations: StagingObservation[], confirmed: Map<string, ConfirmedFact>) {
  const ecogStructured = structuredValue(observations, new Set([ECOG_CODE]), (o) =>
    o.valueNumeric !== null ? `ECOG ${o.valueNumeric}` : (o.valueText ?? null),
  );
  const groupStructured = structuredValue(observations, GROUP_CODES, (o) => {
    const v = o.valueCode ?? o.valueText;
    // LOINC answers are codes like "LA…"; the text then says "Stage IVA".
    if (!v) return null;
    return /^LA\d/.test(v) ? (o.valueText ?? v) : v.replace(/^stage\s+/i, '');
  });
  return {
    tnm: newer(structuredTnm(observations), confirmed.get('TNM')),
    stageGroup: newer(groupStructured, confirmed.get('STAGE_GROUP')),
    ecog: newer(ecogStructured, confirmed.get('ECOG')),
  };
}
