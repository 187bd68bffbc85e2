// The bulk of the large bench world as set-based SQL (INSERT … SELECT over the
// patient plan and generate_series): a million lab values are written by the
// database itself instead of crossing the wire. Run in one session, after
// `plan` (a temporary table of PatientPlan rows) and the boards exist; `setseed`
// makes random() repeatable within that session.
import { ENTITY_PROFILES, ROUTINE_ANALYTES, VISITS_PER_PATIENT, type Analyte } from './large-world-catalog';

export interface BulkStep {
  label: string;
  sql: string;
  params?: unknown[];
}

const id = (prefix: string, expr: string) => `'${prefix}' || lpad((${expr})::text, 16, '0')`;

/** analytes(k, profile, …): the routine panel for every profile (profile null) and each entity's marker. */
function analyteRows(): (Analyte & { k: number; profile: number | null })[] {
  return [
    ...ROUTINE_ANALYTES.map((a, k) => ({ ...a, k, profile: null })),
    ...ENTITY_PROFILES.map((p, i) => ({ ...p.marker, k: ROUTINE_ANALYTES.length, profile: i })),
  ];
}

export function bulkSteps(options: { slicesPerSeries: number }): BulkStep[] {
  const analytesPerVisit = ROUTINE_ANALYTES.length + 1;
  const profiles = ENTITY_PROFILES.map((p, i) => ({
    profile: i,
    entity: p.entity,
    board: p.boardSlug,
    icd10: p.icd10[0],
    icd10_display: p.icd10[1],
    morphology: p.morphology,
    topography: p.topography,
    surgery: p.surgery,
    regimen: p.regimen,
    drugs: p.drugs.map(([atc, name], k) => ({ atc, name, k })),
  }));
  return [
    {
      label: 'profiles',
      sql: `CREATE TEMP TABLE profile AS SELECT * FROM jsonb_to_recordset($1::jsonb)
              AS x(profile int, entity text, board text, icd10 text, icd10_display text, morphology text, topography text, surgery text, regimen text, drugs jsonb)`,
      params: [JSON.stringify(profiles)],
    },
    { label: 'seed', sql: `SELECT setseed(0.4242)` },
    {
      label: 'cases',
      sql: `INSERT INTO cases (id, "patientId", "boardId", "referringUserId", question, entity, "icd10Code", "icd10Display", "icdO3Morphology", "icdO3Topography", urgency, status, "createdAt", "updatedAt")
            SELECT p.case_id, p.id, b.id, ${id('busr', 'p.referrer + 2')}, p.question, pr.entity::"TumorEntity", pr.icd10, pr.icd10_display, pr.morphology, pr.topography,
                   p.urgency::"Urgency", p.status::"CaseStatus", p.dx - interval '20 days', p.dx + (random() * 300) * interval '1 day'
            FROM plan p JOIN profile pr USING (profile) JOIN boards b ON b.slug = pr.board`,
    },
    {
      label: 'meetings (weekly, 26 weeks back, 4 ahead)',
      sql: `INSERT INTO meetings (id, "boardId", "startsAt", "durationMinutes", location, status, "agendaPublishedAt", "updatedAt")
            SELECT ${id('bmtg', 'row_number() OVER ()')}, b.id, date_trunc('week', now()) + (w * 7 + bi) * interval '1 day' + interval '15 hours', 90, 'Conference room 2 / video',
                   (CASE WHEN w < 0 THEN 'CLOSED' ELSE 'SCHEDULED' END)::"MeetingStatus", CASE WHEN w < 1 THEN date_trunc('week', now()) + (w * 7 + bi - 2) * interval '1 day' END, now()
            FROM (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS bi FROM boards WHERE slug LIKE 'bench-%') b, generate_series(-26, 3) w`,
    },
    {
      label: 'agenda items',
      sql: `INSERT INTO agenda_items (id, "meetingId", "caseId", position, "minutesAllotted", status, "updatedAt")
            SELECT ${id('bagi', 'row_number() OVER ()')}, m.id, c.id, row_number() OVER (PARTITION BY m.id ORDER BY c.id), 5,
                   (CASE WHEN m."startsAt" < now() THEN 'DISCUSSED' ELSE 'PLANNED' END)::"AgendaItemStatus", now()
            FROM cases c
            JOIN LATERAL (
              SELECT id, "startsAt" FROM meetings m WHERE m."boardId" = c."boardId"
                AND CASE WHEN c.status = 'SCHEDULED' THEN m."startsAt" > now() ELSE m."startsAt" < now() END
              ORDER BY md5(c.id || m.id) LIMIT 1) m ON true
            WHERE c.id LIKE 'bcas%' AND c.status IN ('SCHEDULED', 'DISCUSSED', 'DECIDED', 'CLOSED')`,
    },
    {
      label: 'conditions',
      sql: `INSERT INTO conditions (id, "patientId", kind, "icd10Code", display, "icdO3Morphology", "icdO3Topography", "onsetDate", "clinicalStatus", "sourceSystem", "sourceId", "updatedAt")
            SELECT ${id('bcon', 'p.n * 4 + k')}, p.id, x.kind::"ConditionKind", x.code, x.display, x.morph, x.topo, (p.dx + x.days * interval '1 day')::date, 'active', 'bench', ${id('bcon', 'p.n * 4 + k')}, now()
            FROM plan p JOIN profile pr USING (profile)
            CROSS JOIN LATERAL (VALUES
              (0, 'PRIMARY_CANCER', pr.icd10, pr.icd10_display, pr.morphology, pr.topography, 0, true),
              (1, 'SECONDARY_CANCER', 'C78.7', 'Secondary malignant neoplasm of liver', NULL, NULL, 40, p.metastatic),
              (2, 'COMORBIDITY', 'I10', 'Essential (primary) hypertension', NULL, NULL, -3000, p.n % 2 = 0),
              (3, 'COMORBIDITY', 'E11.9', 'Type 2 diabetes mellitus without complications', NULL, NULL, -2000, p.n % 5 = 0)
            ) x(k, kind, code, display, morph, topo, days, present)
            WHERE x.present`,
    },
    {
      label: `lab values (${analytesPerVisit} analytes × ${VISITS_PER_PATIENT} visits per patient)`,
      // random() in the subquery's select list: evaluated once per row (a LATERAL over the analyte alone would be evaluated once per analyte).
      sql: `INSERT INTO observations (id, "patientId", category, "loincCode", display, status, "valueNumeric", unit, "referenceLow", "referenceHigh", interpretation, "effectiveAt", "sourceSystem", "sourceId")
            SELECT x.obs_id, x.patient_id, 'LABORATORY', x.loinc, x.display, 'final', x.value, x.unit, x.low, x.high,
                   CASE WHEN x.value > x.high + 3 * x.sd THEN 'HH' WHEN x.value > x.high THEN 'H'
                        WHEN x.low IS NOT NULL AND x.value < x.low - 3 * x.sd THEN 'LL' WHEN x.low IS NOT NULL AND x.value < x.low THEN 'L' ELSE 'N' END,
                   x.effective_at, 'bench', x.obs_id
            FROM (
              SELECT ${id('bobs', `(p.n * ${analytesPerVisit} + a.k) * ${VISITS_PER_PATIENT} + v`)} AS obs_id, p.id AS patient_id, a.loinc, a.display, a.unit, a.low, a.high, a.sd,
                     greatest(round((a.mean + a.sd * (random() + random() + random() + random() - 2) * 1.732)::numeric, a.decimals)::float8, power(10, -a.decimals)::float8) AS value,
                     p.dx + ((v * 85 - 30) + random() * 6) * interval '1 day' + interval '7 hours' + random() * interval '3 hours' AS effective_at
              FROM plan p
              JOIN jsonb_to_recordset($1::jsonb) AS a(k int, profile int, loinc text, display text, unit text, low float8, high float8, mean float8, sd float8, decimals int)
                ON a.profile IS NULL OR a.profile = p.profile
              CROSS JOIN generate_series(0, ${VISITS_PER_PATIENT - 1}) v
            ) x`,
      params: [JSON.stringify(analyteRows())],
    },
    {
      label: 'staging and ECOG observations',
      sql: `INSERT INTO observations (id, "patientId", category, "loincCode", display, status, "valueNumeric", "valueCode", "valueText", "effectiveAt", "sourceSystem", "sourceId")
            SELECT ${id('bstg', 'p.n * 5 + x.k')}, p.id, x.category::"ObservationCategory", x.loinc, x.display, 'final', x.num, x.code, x.text, p.dx - interval '10 days', 'bench', ${id('bstg', 'p.n * 5 + x.k')}
            FROM plan p CROSS JOIN LATERAL (VALUES
              (0, 'STAGING', '21905-5', 'Primary tumor.clinical [Class] Cancer', NULL::float8, p.t, NULL),
              (1, 'STAGING', '21906-3', 'Regional lymph nodes.clinical [Class] Cancer', NULL, p.n_, NULL),
              (2, 'STAGING', '21907-1', 'Distant metastases.clinical [Class] Cancer', NULL, p.m, NULL),
              (3, 'STAGING', '21908-9', 'Stage group.clinical Cancer', NULL, p.stage, 'Stage ' || p.stage),
              (4, 'PERFORMANCE_STATUS', '89247-1', 'ECOG Performance Status score', p.ecog::float8, NULL, NULL)
            ) x(k, category, loinc, display, num, code, text)`,
    },
    {
      label: 'procedures',
      sql: `INSERT INTO procedures (id, "patientId", category, "codeSystem", code, display, "performedStart", "performedEnd", status, "sourceSystem", "sourceId")
            SELECT ${id('bprc', 'p.n * 3 + x.k')}, p.id, x.category::"ProcedureCategory", 'http://snomed.info/sct', x.code, x.display,
                   p.dx + x.start_days * interval '1 day', p.dx + x.end_days * interval '1 day', 'completed', 'bench', ${id('bprc', 'p.n * 3 + x.k')}
            FROM plan p JOIN profile pr USING (profile)
            CROSS JOIN LATERAL (VALUES
              (0, 'BIOPSY', '86273004', 'Biopsy of primary tumor', -7, NULL::int, true),
              (1, 'SURGERY', '387713003', pr.surgery, 30, NULL, p.surgery),
              (2, 'RADIOTHERAPY', '33195004', 'External beam radiotherapy, 30 x 2 Gy', 200, 242, p.radiotherapy)
            ) x(k, category, code, display, start_days, end_days, present)
            WHERE x.present`,
    },
    {
      label: 'medications',
      sql: `INSERT INTO medications (id, "patientId", "atcCode", display, regimen, status, "fhirResourceType", "startDate", "endDate", "sourceSystem", "sourceId")
            SELECT ${id('bmed', 'p.n * 3 + d.k')}, p.id, d.atc, d.name, pr.regimen, CASE WHEN p.n % 3 = 0 THEN 'active' ELSE 'completed' END, 'MedicationStatement',
                   (p.dx + interval '60 days')::date, CASE WHEN p.n % 3 = 0 THEN NULL ELSE (p.dx + interval '186 days')::date END, 'bench', ${id('bmed', 'p.n * 3 + d.k')}
            FROM plan p JOIN profile pr USING (profile)
            CROSS JOIN LATERAL jsonb_to_recordset(pr.drugs) AS d(atc text, name text, k int)`,
    },
    {
      label: 'imaging studies (staging and follow-up CT)',
      sql: `INSERT INTO imaging_studies (id, "patientId", "studyInstanceUid", "accessionNumber", "studyDate", description, modalities, "dicomPatientId", "updatedAt")
            SELECT ${id('bstu', 'p.n * 2 + s')}, p.id, '1.2.826.0.1.3680043.10.1234.' || p.n || '.' || s, 'ACC' || (p.n * 2 + s),
                   CASE WHEN s = 0 THEN p.dx - interval '14 days' ELSE now() - (5 + p.n % 50) * interval '1 day' END,
                   CASE WHEN s = 0 THEN 'CT chest/abdomen/pelvis with contrast (staging)' ELSE 'CT chest/abdomen/pelvis with contrast (follow-up)' END,
                   ARRAY['CT', 'SR'], p.mrn, now()
            FROM plan p CROSS JOIN generate_series(0, 1) s`,
    },
    {
      label: 'imaging series (topogram, axial, dose report)',
      sql: `INSERT INTO imaging_series (id, "studyId", "seriesInstanceUid", modality, "seriesNumber", description, "bodyPart", "frameOfReferenceUid")
            SELECT ${id('bser', 'substr(st.id, 5)::bigint * 3 + x.k')}, st.id, st."studyInstanceUid" || '.' || (x.k + 1), x.modality, x.number, x.description, 'CHEST', st."studyInstanceUid" || '.0'
            FROM imaging_studies st CROSS JOIN (VALUES (0, 'CT', 1, 'Topogram 0.6 T20f'), (1, 'CT', 2, 'Thorax/Abdomen 5.0 Br40 axial'), (2, 'SR', 501, 'Patient protocol (dose report)')) x(k, modality, number, description)
            WHERE st.id LIKE 'bstu%'`,
    },
    {
      label: `imaging instances (1 + ${options.slicesPerSeries} + 1 per study)`,
      sql: `INSERT INTO imaging_instances (id, "seriesId", "sopInstanceUid", "sopClassUid", "instanceNumber", "transferSyntaxUid", rows, columns, "numberOfFrames", "isImage", metadata, "fileSha256", "fileSizeBytes")
            SELECT ${id('bins', `substr(se.id, 5)::bigint * ${options.slicesPerSeries + 1} + i`)}, se.id, se."seriesInstanceUid" || '.' || i, x.sop_class, i, '1.2.840.10008.1.2.1', 512, 512, 1, se.modality <> 'SR',
                   jsonb_build_object(
                     '00080016', jsonb_build_object('vr', 'UI', 'Value', jsonb_build_array(x.sop_class)),
                     '00080018', jsonb_build_object('vr', 'UI', 'Value', jsonb_build_array(se."seriesInstanceUid" || '.' || i)),
                     '00200013', jsonb_build_object('vr', 'IS', 'Value', jsonb_build_array(i))
                   ) || CASE WHEN se."seriesNumber" = 2 THEN jsonb_build_object(
                     '00200032', jsonb_build_object('vr', 'DS', 'Value', jsonb_build_array(-175.0, -175.0, -5.0 * i)),
                     '00200037', jsonb_build_object('vr', 'DS', 'Value', jsonb_build_array(1, 0, 0, 0, 1, 0)),
                     '00280030', jsonb_build_object('vr', 'DS', 'Value', jsonb_build_array(0.68, 0.68)),
                     '00180050', jsonb_build_object('vr', 'DS', 'Value', jsonb_build_array(5.0))) ELSE '{}'::jsonb END,
                   encode(sha256(convert_to(se."seriesInstanceUid" || '.' || i, 'UTF8')), 'hex'), 526000
            FROM imaging_series se
            CROSS JOIN LATERAL (SELECT CASE se.modality WHEN 'SR' THEN '1.2.840.10008.5.1.4.1.1.88.67' ELSE '1.2.840.10008.5.1.4.1.1.2' END AS sop_class) x
            CROSS JOIN LATERAL generate_series(1, CASE WHEN se."seriesNumber" = 2 THEN ${options.slicesPerSeries} ELSE 1 END) i
            WHERE se.id LIKE 'bser%'`,
    },
  ];
}
