// A plain `pg` connection to the run's test database, beside the app's Prisma client: for tests
// that talk to PostgreSQL the way a person with psql (or a buggy script) would, to prove that
// the database itself refuses what the app never attempts.
import pg from 'pg';

export async function openRawPg(options: { applicationName?: string } = {}): Promise<pg.Client> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (lib/test/setup-int.ts sets it for integration tests).');
  // Its own application_name, even if the URL names another (lib/db/decisions/sign-fault.int.test.ts kills the app's by name).
  const target = new URL(url);
  target.searchParams.set('application_name', options.applicationName ?? 'konsil-test-raw');
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  return client;
}

/** Every column of the rows a query returns, as JSON text: compare before and after a refused statement. */
export async function snapshot(client: pg.Client, sql: string, params: unknown[] = []): Promise<string> {
  const result = await client.query(`SELECT coalesce(json_agg(t ORDER BY t::text), '[]')::text AS rows FROM (${sql}) t`, params);
  return result.rows[0].rows as string;
}
