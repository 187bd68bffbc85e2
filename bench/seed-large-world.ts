// `npm run bench:seed-large -- [--patients 10000] [--slices 40] [--force]`
//
// Seeds the large world bench/case-screen.ts measures, into its own database
// (`konsil_bench`, or BENCH_DATABASE_URL): 10,000 synthetic patients, one case each
// across five boards, 1,000,000 lab values (20 LOINC analytes × 5 visits), 100,000
// reports (10 per patient, a few hundred to a few thousand characters), staging,
// conditions, procedures, medications, and two CT studies per patient with their
// series and instances. Bulk SQL, not the importer: this is about reading speed.
//
// Idempotent: a marker on the database (COMMENT ON DATABASE) records what was seeded;
// the same size again does nothing, anything else (or --force) recreates the database.
// The database is migrated with `prisma migrate deploy` either way.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_ACTOR_EMAIL, BENCH_BOARDS, LARGE_WORLD_VERSION } from './lib/large-world-catalog';
import { benchId, planPatient, reportsFor, type PatientPlan } from './lib/large-world-plan';
import { bulkSteps } from './lib/large-world-sql';

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '10000' },
    slices: { type: 'string', default: '40' },
    force: { type: 'boolean', default: false },
  },
});
const size = { patients: Number(values.patients), slices: Number(values.slices) };
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/konsil_bench';
const marker = JSON.stringify({ konsilBench: 'large-world', version: LARGE_WORLD_VERSION, ...size });
const BATCH = 2000;

async function withAdmin<T>(fn: (admin: pg.Client, name: string) => Promise<T>): Promise<T> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    return await fn(admin, name);
  } finally {
    await admin.end();
  }
}

/** The marker of the existing database, or null when there is none (or no database). */
async function currentMarker(): Promise<string | null> {
  return withAdmin(async (admin, name) => {
    const { rows } = await admin.query<{ marker: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS marker FROM pg_database WHERE datname = $1`,
      [name],
    );
    return rows[0]?.marker ?? null;
  });
}

async function recreateDatabase(): Promise<void> {
  await withAdmin(async (admin, name) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  const rows = typeof result === 'number' ? ` ${result.toLocaleString('en')} rows,` : '';
  console.log(`  ${label}:${rows} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function seedPeopleAndBoards(client: pg.Client): Promise<void> {
  const users = [
    { id: benchId('busr', 1), email: BENCH_ACTOR_EMAIL, name: 'Dr. Bench Clinician' },
    ...Array.from({ length: 20 }, (_, i) => ({ id: benchId('busr', i + 2), email: `referrer${i + 1}@bench.konsil`, name: `Dr. Referrer ${i + 1}` })),
  ];
  await client.query(
    `INSERT INTO users (id, email, name, roles, "updatedAt") SELECT id, email, name, '{CLINICIAN}', now() FROM jsonb_to_recordset($1::jsonb) AS u(id text, email text, name text)`,
    [JSON.stringify(users)],
  );
  const boards = BENCH_BOARDS.map((b, i) => ({ ...b, id: benchId('bbrd', i + 1) }));
  await client.query(
    `INSERT INTO boards (id, slug, name, "entityFocus", recurrence, "requiredSpecialties", "updatedAt")
     SELECT id, slug, name, ARRAY(SELECT jsonb_array_elements_text(entities))::"TumorEntity"[], 'FREQ=WEEKLY;BYHOUR=15', '{}', now()
     FROM jsonb_to_recordset($1::jsonb) AS b(id text, slug text, name text, entities jsonb)`,
    [JSON.stringify(boards)],
  );
  // Everyone belongs to every bench board, the bench clinician included: the bench actor sees every case.
  await client.query(
    `INSERT INTO board_memberships (id, "boardId", "userId", role)
     SELECT 'bmem' || lpad((row_number() OVER ())::text, 16, '0'), b.id, u.id, 'MEMBER'
     FROM boards b CROSS JOIN users u WHERE b.slug LIKE 'bench-%' AND u.email LIKE '%@bench.konsil'`,
  );
}

async function seedPatients(client: pg.Client, plans: PatientPlan[]): Promise<number> {
  await client.query(`CREATE TEMP TABLE plan (
    n int, id text, case_id text, mrn text, profile int, dx timestamptz, status text, urgency text, question text, referrer int,
    t text, n_ text, m text, stage text, ecog int, metastatic bool, surgery bool, radiotherapy bool)`);
  for (let i = 0; i < plans.length; i += BATCH) {
    const batch = plans.slice(i, i + BATCH);
    const col = <K extends keyof PatientPlan>(key: K) => batch.map((p) => p[key]);
    await client.query(
      `INSERT INTO patients (id, mrn, "familyName", "givenName", "birthDate", sex, pseudonym, "isSynthetic", "sourceSystem", "sourceId", "updatedAt")
       SELECT id, mrn, family, given, birth::date, sex::"Sex", 'BPS-' || mrn, true, 'bench', id, now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(id, mrn, family, given, birth, sex)`,
      [col('id'), col('mrn'), col('familyName'), col('givenName'), col('birthDate'), col('sex')],
    );
    await client.query(
      `INSERT INTO plan SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::timestamptz[], $7::text[], $8::text[], $9::text[], $10::int[],
                                            $11::text[], $12::text[], $13::text[], $14::text[], $15::int[], $16::bool[], $17::bool[], $18::bool[])`,
      [
        col('n'), col('id'), col('caseId'), col('mrn'), col('profile'), col('diagnosedAt'), col('status'), col('urgency'), col('question'), col('referrer'),
        col('t'), col('n_'), col('m'), col('stage'), col('ecog'), col('metastatic'), col('surgery'), col('radiotherapy'),
      ],
    );
  }
  await client.query('ANALYZE plan');
  return plans.length;
}

async function seedReports(client: pg.Client, plans: PatientPlan[], now: Date): Promise<number> {
  let count = 0;
  for (let i = 0; i < plans.length; i += BATCH / 10) {
    const rows = plans.slice(i, i + BATCH / 10).flatMap((plan) => reportsFor(plan, now));
    const col = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
    await client.query(
      `INSERT INTO reports (id, "patientId", type, title, text, conclusion, "loincCode", status, "authorName", "issuedAt", "sourceSystem", "sourceId")
       SELECT id, patient, type::"ReportType", title, text, conclusion, loinc, 'final', author, issued, 'bench', id
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
         AS x(id, patient, type, title, text, conclusion, loinc, author, issued)`,
      [col('id'), col('patientId'), col('type'), col('title'), col('text'), col('conclusion'), col('loincCode'), col('authorName'), col('issuedAt')],
    );
    count += rows.length;
  }
  return count;
}

/**
 * Runs `fn` with the secondary indexes of the big tables dropped and builds them again
 * afterwards from their own definitions (pg_indexes): one sort per index instead of a
 * million random B-tree inserts. Primary keys stay.
 */
async function withoutSecondaryIndexes<T>(client: pg.Client, tables: string[], fn: () => Promise<T>): Promise<T> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  for (const index of rows) await client.query(`DROP INDEX ${client.escapeIdentifier(index.indexname)}`);
  const result = await fn();
  await timed(`${rows.length} indexes rebuilt on ${tables.join(', ')}`, async () => {
    for (const index of rows) await client.query(index.indexdef);
  });
  return result;
}

async function main() {
  const existing = await currentMarker();
  if (existing === marker && !values.force) {
    console.log(`${databaseUrl} already holds the large world (${existing}); nothing to do. --force reseeds.`);
    execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'pipe' });
    return;
  }
  const started = performance.now();
  console.log(`Seeding the large bench world into ${databaseUrl}: ${size.patients.toLocaleString('en')} patients, CT ${size.slices} slices per axial series`);
  await timed('database recreated and migrated', async () => {
    await recreateDatabase();
    execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'pipe' });
  });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Durability buys nothing for a database that is rebuilt on failure.
    await client.query('SET synchronous_commit = off');
    const now = new Date();
    const plans = Array.from({ length: size.patients }, (_, i) => planPatient(i + 1, now));
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await timed('users, boards, memberships', () => seedPeopleAndBoards(client));
    await timed('patients', () => seedPatients(client, plans));
    await withoutSecondaryIndexes(client, ['observations', 'reports', 'imaging_instances'], async () => {
      for (const step of bulkSteps({ slicesPerSeries: size.slices })) {
        await timed(step.label, async () => (await client.query(step.sql, step.params)).rowCount ?? 0);
      }
      await timed('reports', () => seedReports(client, plans, now));
    });
    await timed('VACUUM ANALYZE', () => client.query('VACUUM ANALYZE'));
    await withAdmin((admin, name) => admin.query(`COMMENT ON DATABASE "${name}" IS ${admin.escapeLiteral(marker)}`));
  } finally {
    await client.end();
  }
  console.log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
