import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CaseFeatureData } from '@/lib/inference/case-feature-data';
import { storedModelCardSchema, type ModelCard } from '@/lib/models/model-card';
import { extractReportFacts } from '@/lib/report-facts';
import type { ScopedCase } from '../case-scope-lookup';
import { PREPARED, type Db, type Tx } from '../client';

// Everything a model run reads, in one SQL statement (one round trip, one snapshot): the case
// if it is in scope, the model versions that apply to it, and the case data their cards ask for.

export interface ApplicableVersion {
  id: string;
  modelKey: string;
  semver: string;
  status: 'ACTIVE' | 'SHADOW';
  fileSha256: string;
  card: ModelCard;
}

export interface CaseForInference {
  case: ScopedCase;
  /** ACTIVE and SHADOW versions whose card names the case's tumor entity, by model key, active first. */
  versions: ApplicableVersion[];
  data: CaseFeatureData;
}

// Parsed cards by "version id:file sha256". A version's card never changes: it is validated at
// upload, stored with the version and embedded in the .onnx file whose sha256 the row keeps
// (lib/models), the same reasoning as the session cache (lib/inference/session-cache.ts).
// So the statement ships a card (~10–20 kB of JSON, then parsed by zod) only the first time a
// process runs that version; the SQL still reads what the cards need from the stored cards.
const globalForCards = globalThis as unknown as { konsilModelCards?: Map<string, ModelCard> };
const cards: Map<string, ModelCard> = (globalForCards.konsilModelCards ??= new Map());
const cardKey = (v: { id: string; fileSha256: string }) => `${v.id}:${v.fileSha256}`;

interface Row {
  id: string;
  patientId: string;
  entity: string;
  /** `card` is null when the caller said it holds that version's card already. */
  versions: (Omit<ApplicableVersion, 'card'> & { card: unknown })[];
  patient: { birthDate: string | null; sex: CaseFeatureData['patient']['sex'] } | null;
  observations: { loincCode: string | null; codeSystem: string | null; code: string | null; display: string; value: number; unit: string | null; effectiveAt: string }[];
  facts: { kind: string; value: string; factKey: string; reportId: string; reportIssuedAt: string; reviewedAt: string; text: string }[];
  medications: { atcCode: string | null; display: string; fhirResourceType: string | null; status: string; startDate: string | null }[];
  conditions: { icd10Code: string | null; display: string; clinicalStatus: string | null }[];
}

function cardOf(version: Row['versions'][number]): ModelCard {
  const key = cardKey(version);
  if (version.card === null) return cards.get(key)!;
  // Stored cards passed validation; parsing again applies the schema's defaults and keeps types honest.
  const card = storedModelCardSchema.parse(version.card);
  cards.set(key, card);
  return card;
}

/**
 * The case `caseId` if `scope` (a predicate on `cases c`, lib/db/case-scope-lookup.ts
 * caseScopeSql) admits it, else null; with the applicable versions and the data their cards
 * read: the patient, the newest numeric observation per LOINC code and per system|code the
 * cards name (effective by the reference date; entered-in-error and cancelled ones never
 * count), the clinicians' CONFIRMED report facts of the kinds the cards name (rejected and
 * unreviewed extractions never reach a model), and medications and conditions only when a
 * card reads them. What the cards need is read from the cards in SQL, so the rows fetched
 * are exactly those the mapper (lib/inference/map-features.ts) may look at.
 */
export async function loadCaseFeatureData(client: Db | Tx, options: { caseId: string; scope: Prisma.Sql; referenceDate: Date }): Promise<CaseForInference | null> {
  const { caseId, scope, referenceDate } = options;
  const [row] = await client.$queryRaw<Row[]>`${PREPARED}
    WITH kase AS (
      SELECT c.id, c."patientId", c.entity FROM cases c WHERE c.id = ${caseId} AND ${scope}
    ), versions AS (
      SELECT mv.id, mv."modelKey", mv.semver, mv.status::text AS status, mv."fileSha256", mv.card
      FROM model_versions mv JOIN kase ON kase.entity = ANY(mv.entities)
      WHERE mv.status IN ('ACTIVE', 'SHADOW')
    ), needs AS (
      -- What the cards read, as lib/models/model-card.ts featureSourceSchema defines a source.
      SELECT coalesce(array_agg(DISTINCT f.s->>'loinc') FILTER (WHERE f.s->>'kind' = 'observation'), '{}') AS loinc,
             coalesce(array_agg(DISTINCT (f.s->>'system') || '|' || (f.s->>'code')) FILTER (WHERE f.s->>'kind' = 'codedObservation'), '{}') AS codes,
             coalesce(array_agg(DISTINCT f.s->>'fact') FILTER (WHERE f.s->>'kind' = 'reportFact'), '{}') AS facts,
             coalesce(bool_or(f.s->>'kind' = 'therapy'), false) AS therapies,
             coalesce(bool_or(f.s->>'kind' = 'condition'), false) AS conditions
      FROM versions v CROSS JOIN jsonb_array_elements(v.card->'features') AS e(feature) CROSS JOIN LATERAL (SELECT e.feature->'source' AS s) f
    )
    SELECT kase.id, kase."patientId", kase.entity::text AS entity,
      (SELECT coalesce(json_agg(json_build_object('id', v.id, 'modelKey', v."modelKey", 'semver', v.semver, 'status', v.status, 'fileSha256', v."fileSha256",
                                                  'card', CASE WHEN v.id || ':' || v."fileSha256" = ANY(${[...cards.keys()]}::text[]) THEN NULL ELSE v.card END)
                                ORDER BY v."modelKey", v.status, v.semver), '[]'::json) FROM versions v) AS versions,
      (SELECT json_build_object('birthDate', p."birthDate"::text, 'sex', p.sex::text) FROM patients p WHERE p.id = kase."patientId") AS patient,
      (SELECT coalesce(json_agg(o), '[]'::json) FROM (
         (SELECT DISTINCT ON (ob."loincCode") ob."loincCode", ob."codeSystem", ob.code, ob.display, ob."valueNumeric" AS value, ob.unit, ob."effectiveAt"
          FROM observations ob
          WHERE ob."patientId" = kase."patientId" AND ob."loincCode" = ANY(needs.loinc)
            AND ob."valueNumeric" IS NOT NULL AND ob."effectiveAt" <= ${referenceDate} AND ob.status NOT IN ('entered-in-error', 'cancelled')
          ORDER BY ob."loincCode", ob."effectiveAt" DESC, ob.id)
         UNION ALL
         (SELECT DISTINCT ON (ob."codeSystem", ob.code) ob."loincCode", ob."codeSystem", ob.code, ob.display, ob."valueNumeric" AS value, ob.unit, ob."effectiveAt"
          FROM observations ob
          WHERE ob."patientId" = kase."patientId" AND (ob."codeSystem" || '|' || ob.code) = ANY(needs.codes)
            AND ob."valueNumeric" IS NOT NULL AND ob."effectiveAt" <= ${referenceDate} AND ob.status NOT IN ('entered-in-error', 'cancelled')
          ORDER BY ob."codeSystem", ob.code, ob."effectiveAt" DESC, ob.id)
      ) o) AS observations,
      (SELECT coalesce(json_agg(f), '[]'::json) FROM (
         SELECT r.kind, r.value, r."factKey", r."reportId", rep."issuedAt" AS "reportIssuedAt", r."reviewedAt", rep.text
         FROM report_fact_reviews r JOIN reports rep ON rep.id = r."reportId"
         WHERE r."caseId" = kase.id AND r.status = 'CONFIRMED' AND r.kind = ANY(needs.facts)
      ) f) AS facts,
      (SELECT coalesce(json_agg(m), '[]'::json) FROM (
         SELECT md."atcCode", md.display, md."fhirResourceType", md.status, md."startDate"::text AS "startDate"
         FROM medications md
         WHERE md."patientId" = kase."patientId" AND md."atcCode" IS NOT NULL AND needs.therapies
      ) m) AS medications,
      (SELECT coalesce(json_agg(cs), '[]'::json) FROM (
         SELECT cd."icd10Code", cd.display, cd."clinicalStatus"
         FROM conditions cd
         WHERE cd."patientId" = kase."patientId" AND cd."icd10Code" IS NOT NULL AND needs.conditions
      ) cs) AS conditions
    FROM kase CROSS JOIN needs`;
  if (!row) return null;
  if (!row.patient) throw new Error(`patient ${row.patientId} of case ${caseId} vanished within one statement`);

  // A review stores the fact's value, not its structured parts: the extractor runs again on
  // the stored report text (as reviewReportFact does) and the fact is found by its key.
  const extracted = new Map<string, ReturnType<typeof extractReportFacts>>();
  const detailOf = (reportId: string, text: string, factKey: string) => {
    if (!extracted.has(reportId)) extracted.set(reportId, extractReportFacts(text));
    return extracted.get(reportId)!.find((f) => f.key === factKey)?.detail ?? null;
  };
  return {
    case: { id: row.id, patientId: row.patientId, entity: row.entity },
    versions: row.versions.map((v) => ({ ...v, card: cardOf(v) })),
    data: {
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
    },
  };
}
