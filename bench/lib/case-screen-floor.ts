// The raw-SQL floor of one case screen (bench/case-screen.ts): the rows
// loadCaseScreenData reads (lib/db/case-screen/*), each read once, by hand-written
// SQL through `pg` on one connection: no ORM, no transaction, no audit row, no
// shaping into DTOs. Keep it in step with the loaders: when a loader reads a new
// table or column, so must this.
import type pg from 'pg';

export interface FloorRows {
  header: { id: string; patientId: string } & Record<string, unknown>;
  observations: { category: string }[];
  conditions: unknown[];
  procedures: unknown[];
  medications: unknown[];
  reports: unknown[];
  factReviews: unknown[];
  /** One row per series, with its study's columns. */
  studies: { studyId: string }[];
  instances: unknown[];
  measurements: unknown[];
  keyImages: unknown[];
}

export async function floorCaseScreen(client: pg.Client, options: { actorId: string; caseId: string; now: Date }): Promise<FloorRows> {
  const { actorId, caseId, now } = options;
  // The case in the actor's scope (referred by them, or of a board they belong to), with
  // patient, board, referrer and the next meeting (from 12 h ago on, not cancelled).
  const header = await client.query(
    `SELECT c.*, p.mrn, p."familyName", p."givenName", p."birthDate", p.sex, p.pseudonym, p."isSynthetic",
            b.name AS "boardName", b.slug AS "boardSlug", u.name AS "referrerName", m.id AS "meetingId", m."startsAt", m.location
     FROM cases c
     JOIN patients p ON p.id = c."patientId"
     JOIN boards b ON b.id = c."boardId"
     JOIN users u ON u.id = c."referringUserId"
     LEFT JOIN LATERAL (
       SELECT m.id, m."startsAt", m.location FROM agenda_items ai JOIN meetings m ON m.id = ai."meetingId"
       WHERE ai."caseId" = c.id AND m."startsAt" >= $3 AND m.status <> 'CANCELLED' ORDER BY m."startsAt" LIMIT 1) m ON true
     WHERE c.id = $1 AND (c."referringUserId" = $2 OR EXISTS (SELECT 1 FROM board_memberships bm WHERE bm."boardId" = c."boardId" AND bm."userId" = $2))`,
    [caseId, actorId, new Date(now.getTime() - 12 * 3600_000)],
  );
  const found = header.rows[0] as FloorRows['header'] | undefined;
  if (!found) throw new Error(`case ${caseId} not found in scope`);
  const patient = [found.patientId];

  // Staging, performance status and laboratory: the header, the lab charts and the timeline's lab events.
  const observations = await client.query(
    `SELECT id, category, "loincCode", "codeSystem", code, display, "valueNumeric", "valueText", "valueCode", unit,
            "referenceLow", "referenceHigh", "referenceText", interpretation, "effectiveAt"
     FROM observations WHERE "patientId" = $1 AND category IN ('LABORATORY', 'STAGING', 'PERFORMANCE_STATUS') ORDER BY "effectiveAt"`,
    patient,
  );
  const conditions = await client.query(
    `SELECT id, kind, "icd10Code", display, "onsetDate" FROM conditions WHERE "patientId" = $1 AND "onsetDate" IS NOT NULL AND kind <> 'COMORBIDITY'`,
    patient,
  );
  const procedures = await client.query(`SELECT id, category, display, "performedStart", "performedEnd", status FROM procedures WHERE "patientId" = $1`, patient);
  const medications = await client.query(`SELECT id, display, regimen, "startDate", "endDate", status FROM medications WHERE "patientId" = $1`, patient);
  const reports = await client.query(
    `SELECT id, type, title, text, conclusion, status, "authorName", "issuedAt" FROM reports
     WHERE "patientId" = $1 AND status <> 'entered-in-error' ORDER BY "issuedAt" DESC, id`,
    patient,
  );
  const factReviews = await client.query(
    `SELECT r."reportId", r."factKey", r.kind, r.label, r.value, r.assertion, r.status, r."reviewedAt", u.name AS "reviewedBy", rep.title, rep."issuedAt"
     FROM report_fact_reviews r JOIN users u ON u.id = r."reviewedById" JOIN reports rep ON rep.id = r."reportId"
     WHERE r."caseId" = $1`,
    [caseId],
  );
  const studies = await client.query(
    `SELECT st.id AS "studyId", st."studyInstanceUid", st."studyDate", st.description AS "studyDescription", st.modalities, st."accessionNumber",
            se.id, se."seriesInstanceUid", se.modality, se."seriesNumber", se.description, se."frameOfReferenceUid"
     FROM imaging_studies st JOIN imaging_series se ON se."studyId" = st.id
     WHERE st."patientId" = $1 ORDER BY st."studyDate" DESC NULLS LAST, st.id, se."seriesNumber" NULLS LAST, se.id`,
    patient,
  );
  const instances = await client.query(
    `SELECT i."seriesId", i."sopInstanceUid", i."instanceNumber", i."numberOfFrames", i."isImage",
            i.metadata->'00200032'->'Value' AS position, i.metadata->'00200037'->'Value' AS orientation
     FROM imaging_instances i WHERE i."seriesId" = ANY($1::text[])`,
    [studies.rows.map((s: { id: string }) => s.id)],
  );
  const measurements = await client.query(
    `SELECT m.*, u.name AS "createdByName" FROM case_measurements m JOIN users u ON u.id = m."createdById"
     WHERE m."caseId" = $1 AND m."removedAt" IS NULL ORDER BY m."createdAt"`,
    [caseId],
  );
  const keyImages = await client.query(
    `SELECT k.*, u.name AS "markedByName" FROM case_key_images k JOIN users u ON u.id = k."markedById" WHERE k."caseId" = $1 ORDER BY k."createdAt"`,
    [caseId],
  );
  return {
    header: found,
    observations: observations.rows,
    conditions: conditions.rows,
    procedures: procedures.rows,
    medications: medications.rows,
    reports: reports.rows,
    factReviews: factReviews.rows,
    studies: studies.rows,
    instances: instances.rows,
    measurements: measurements.rows,
    keyImages: keyImages.rows,
  };
}
