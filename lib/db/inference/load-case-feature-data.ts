import 'server-only';
import type { CaseFeatureData } from '@/lib/inference/case-feature-data';
import { modelCardSchema, type ModelCard } from '@/lib/models/model-card';
import { extractReportFacts } from '@/lib/report-facts';
import type { Tx } from '../client';

// The reads of a model run, inside the caller's transaction: which model versions apply
// to the case, and the case data their cards ask for, fetched with one statement.

export interface ApplicableVersion {
  id: string;
  modelKey: string;
  semver: string;
  status: 'ACTIVE' | 'SHADOW';
  fileSha256: string;
  card: ModelCard;
}

/** ACTIVE and SHADOW versions whose card names the case's tumor entity, active first. */
export async function fetchApplicableVersions(tx: Tx, entity: string): Promise<ApplicableVersion[]> {
  const rows = await tx.$queryRaw<{ id: string; modelKey: string; semver: string; status: 'ACTIVE' | 'SHADOW'; fileSha256: string; card: unknown }[]>`
    SELECT id, "modelKey", semver, status::text AS status, "fileSha256", card
    FROM model_versions
    WHERE status IN ('ACTIVE', 'SHADOW') AND ${entity}::"TumorEntity" = ANY(entities)
    ORDER BY "modelKey", status, semver`;
  // Stored cards passed validation; parsing again applies the schema's defaults and keeps types honest.
  return rows.map((row) => ({ ...row, card: modelCardSchema.parse(row.card) }));
}

/** What the cards read: which codes, fact kinds, and whether therapies and conditions matter. */
export interface FeatureNeeds {
  loincCodes: string[];
  /** "system|code" */
  codes: string[];
  factKinds: string[];
  therapies: boolean;
  conditions: boolean;
}

export function featureNeeds(cards: readonly ModelCard[]): FeatureNeeds {
  const needs = { loinc: new Set<string>(), codes: new Set<string>(), facts: new Set<string>(), therapies: false, conditions: false };
  for (const feature of cards.flatMap((c) => c.features)) {
    const s = feature.source;
    if (s.kind === 'observation') needs.loinc.add(s.loinc);
    else if (s.kind === 'codedObservation') needs.codes.add(`${s.system}|${s.code}`);
    else if (s.kind === 'reportFact') needs.facts.add(s.fact);
    else if (s.kind === 'therapy') needs.therapies = true;
    else if (s.kind === 'condition') needs.conditions = true;
  }
  return { loincCodes: [...needs.loinc], codes: [...needs.codes], factKinds: [...needs.facts], therapies: needs.therapies, conditions: needs.conditions };
}

interface SnapshotRow {
  patient: { birthDate: string | null; sex: CaseFeatureData['patient']['sex'] };
  observations: { loincCode: string | null; codeSystem: string | null; code: string | null; display: string; value: number; unit: string | null; effectiveAt: string }[];
  facts: { kind: string; value: string; factKey: string; reportId: string; reportIssuedAt: string; reviewedAt: string; text: string }[];
  medications: { atcCode: string | null; display: string; fhirResourceType: string | null; status: string; startDate: string | null }[];
  conditions: { icd10Code: string | null; display: string; clinicalStatus: string | null }[];
}

/**
 * The case's data as the cards need it, in one statement: the patient, the newest numeric
 * observation per LOINC code and per system|code (effective by the reference date; entered-in-error
 * and cancelled ones never count), the clinicians' CONFIRMED report facts (rejected and unreviewed
 * extractions never reach a model), and medications and conditions when a card reads them.
 */
export async function fetchCaseFeatureData(tx: Tx, options: { caseId: string; patientId: string; referenceDate: Date; needs: FeatureNeeds }): Promise<CaseFeatureData> {
  const { caseId, patientId, referenceDate, needs } = options;
  const [row] = await tx.$queryRaw<SnapshotRow[]>`
    SELECT
      (SELECT json_build_object('birthDate', p."birthDate"::text, 'sex', p.sex::text) FROM patients p WHERE p.id = ${patientId}) AS patient,
      (SELECT coalesce(json_agg(o), '[]'::json) FROM (
         (SELECT DISTINCT ON (ob."loincCode") ob."loincCode", ob."codeSystem", ob.code, ob.display, ob."valueNumeric" AS value, ob.unit, ob."effectiveAt"
          FROM observations ob
          WHERE ob."patientId" = ${patientId} AND ob."loincCode" = ANY(${needs.loincCodes}::text[]) AND ob."valueNumeric" IS NOT NULL
            AND ob."effectiveAt" <= ${referenceDate} AND ob.status NOT IN ('entered-in-error', 'cancelled')
          ORDER BY ob."loincCode", ob."effectiveAt" DESC, ob.id)
         UNION ALL
         (SELECT DISTINCT ON (ob."codeSystem", ob.code) ob."loincCode", ob."codeSystem", ob.code, ob.display, ob."valueNumeric" AS value, ob.unit, ob."effectiveAt"
          FROM observations ob
          WHERE ob."patientId" = ${patientId} AND (ob."codeSystem" || '|' || ob.code) = ANY(${needs.codes}::text[]) AND ob."valueNumeric" IS NOT NULL
            AND ob."effectiveAt" <= ${referenceDate} AND ob.status NOT IN ('entered-in-error', 'cancelled')
          ORDER BY ob."codeSystem", ob.code, ob."effectiveAt" DESC, ob.id)
      ) o) AS observations,
      (SELECT coalesce(json_agg(f), '[]'::json) FROM (
         SELECT r.kind, r.value, r."factKey", r."reportId", rep."issuedAt" AS "reportIssuedAt", r."reviewedAt", rep.text
         FROM report_fact_reviews r JOIN reports rep ON rep.id = r."reportId"
         WHERE r."caseId" = ${caseId} AND r.status = 'CONFIRMED' AND r.kind = ANY(${needs.factKinds}::text[])
      ) f) AS facts,
      (SELECT coalesce(json_agg(m), '[]'::json) FROM (
         SELECT md."atcCode", md.display, md."fhirResourceType", md.status, md."startDate"::text AS "startDate"
         FROM medications md WHERE ${needs.therapies} AND md."patientId" = ${patientId} AND md."atcCode" IS NOT NULL
      ) m) AS medications,
      (SELECT coalesce(json_agg(c), '[]'::json) FROM (
         SELECT cd."icd10Code", cd.display, cd."clinicalStatus"
         FROM conditions cd WHERE ${needs.conditions} AND cd."patientId" = ${patientId} AND cd."icd10Code" IS NOT NULL
      ) c) AS conditions`;
  if (!row?.patient) throw new Error(`patient ${patientId} of case ${caseId} vanished inside its own transaction`);

  // A review stores the fact's value, not its structured parts: the extractor runs again on
  // the stored report text (as reviewReportFact does) and the fact is found by its key.
  const extracted = new Map<string, ReturnType<typeof extractReportFacts>>();
  const detailOf = (reportId: string, text: string, factKey: string) => {
    if (!extracted.has(reportId)) extracted.set(reportId, extractReportFacts(text));
    return extracted.get(reportId)!.find((f) => f.key === factKey)?.detail ?? null;
  };
  return {
    referenceDate,
    patient: row.patient,
    observations: row.observations.map((o) => ({ ...o, effectiveAt: new Date(o.effectiveAt) })),
    confirmedFacts: row.facts.map((f) => ({
      kind: f.kind,
      value: f.value,
      detail: detailOf(f.reportId, f.text, f.factKey),
      reportId: f.reportId,
      reportIssuedAt: new Date(f.reportIssuedAt),
      reviewedAt: new Date(f.reviewedAt),
    })),
    medications: row.medications.map((m) => ({ ...m, startDate: m.startDate ? new Date(`${m.startDate}T00:00:00Z`) : null })),
    conditions: row.conditions,
  };
}
