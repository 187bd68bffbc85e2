// After bench/decisions.ts: what every acknowledged answer claimed, checked against the
// database. A lost write is an acknowledged change the database does not hold (or holds
// overwritten by a change that never saw it); a duplicated write is two committed changes
// claiming the same row version, or two signatures with the same number. Both must be 0.
import pg from 'pg';

/** One acknowledged ("ok") answer of the server, with the row version it produced. */
export type Ack =
  | { kind: 'save'; decisionId: string; rowVersion: number; marker: string }
  | { kind: 'sign'; decisionId: string; rowVersion: number; versionNumber: number; contentSha256: string }
  | { kind: 'amend_start'; decisionId: string; rowVersion: number };

export interface Verification {
  decisions: number;
  ackedSaves: number;
  ackedSignatures: number;
  ackedAmendments: number;
  lost: string[];
  duplicated: string[];
  /** Committed but the client got no "ok" (its response was lost or it errored): reported, not a failure. */
  unacknowledgedCommits: string[];
  /** The row's version is not the count of its audited changes. */
  auditGaps: string[];
  signedVersionRows: number;
  signAuditRows: number;
}

// (Map.groupBy needs Node 21; the engines field allows 20.)
function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export async function verifyDecisionBench(databaseUrl: string, acks: Ack[]): Promise<Verification> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = (
      await client.query<{ id: string; status: string; version: number; marker: string | null; newestNumber: number | null; newestSha: string | null; draftIsNewest: boolean | null }>(`
        SELECT d.id, d.status::text AS status, d.version, d.draft->>'rationale' AS marker,
               v.number AS "newestNumber", v."contentSha256" AS "newestSha", v.content = d.draft AS "draftIsNewest"
        FROM decisions d
        LEFT JOIN LATERAL (SELECT number, "contentSha256", content FROM decision_versions WHERE "decisionId" = d.id ORDER BY number DESC LIMIT 1) v ON true`)
    ).rows;
    const versions = (await client.query<{ decisionId: string; number: number; contentSha256: string }>('SELECT "decisionId", number, "contentSha256" FROM decision_versions')).rows;
    const audits = (
      await client.query<{ action: string; decisionId: string; version: number | null; n: number }>(`
        SELECT action, "entityId" AS "decisionId",
               CASE WHEN action = 'decision.draft_save' THEN (detail->>'version')::int WHEN action = 'decision.sign' THEN (detail->>'versionNumber')::int END AS version,
               count(*)::int AS n
        FROM audit_events WHERE action IN ('decision.draft_save', 'decision.sign', 'decision.amend_start', 'decision.amend_cancel')
        GROUP BY 1, 2, 3`)
    ).rows;

    const lost: string[] = [];
    const duplicated: string[] = [];
    const unacknowledgedCommits: string[] = [];
    const auditGaps: string[] = [];
    const byDecision = groupBy(acks, (a) => a.decisionId);
    const auditCount = (action: string, decisionId: string, version?: number) =>
      audits.filter((a) => a.action === action && a.decisionId === decisionId && (version === undefined || a.version === version)).reduce((n, a) => n + a.n, 0);

    // Two committed saves (or signatures) naming the same version: one overwrote the other unseen.
    for (const a of audits) if ((a.action === 'decision.draft_save' || a.action === 'decision.sign') && a.n > 1) duplicated.push(`${a.action} ${a.decisionId} v${a.version} committed ${a.n}×`);

    for (const row of rows) {
      const mine = byDecision.get(row.id) ?? [];
      // Every acknowledged change produced its own row version.
      for (const [version, same] of groupBy(mine, (a) => a.rowVersion)) if (same.length > 1) duplicated.push(`${row.id}: ${same.length} acknowledged changes produced row version ${version}`);
      for (const ack of mine) {
        if (ack.kind === 'save' && auditCount('decision.draft_save', row.id, ack.rowVersion) === 0) lost.push(`${row.id}: acknowledged save → v${ack.rowVersion} is not in the database`);
        if (ack.kind === 'sign') {
          const stored = versions.find((v) => v.decisionId === row.id && v.number === ack.versionNumber);
          if (!stored || stored.contentSha256 !== ack.contentSha256) lost.push(`${row.id}: acknowledged signature #${ack.versionNumber} ${stored ? 'has another content' : 'is missing'}`);
        }
      }
      // The newest acknowledged change is what the row shows (unless a later change was committed unacknowledged).
      const newest = mine.reduce<Ack | null>((best, a) => (!best || a.rowVersion > best.rowVersion ? a : best), null);
      if (newest && row.version < newest.rowVersion) lost.push(`${row.id}: row at v${row.version}, but v${newest.rowVersion} was acknowledged`);
      if (newest && row.version === newest.rowVersion) {
        const holds =
          newest.kind === 'save'
            ? row.marker === newest.marker && row.status !== 'SIGNED'
            : newest.kind === 'sign'
              ? row.status === 'SIGNED' && row.newestNumber === newest.versionNumber && row.newestSha === newest.contentSha256 && row.draftIsNewest === true
              : row.status === 'AMENDING' && row.draftIsNewest === true;
        if (!holds) lost.push(`${row.id}: the acknowledged ${newest.kind} (v${newest.rowVersion}) is not what the row holds`);
      }
      if (!newest || row.version > newest.rowVersion) unacknowledgedCommits.push(`${row.id}: row at v${row.version}, newest acknowledged v${newest?.rowVersion ?? '—'}`);
      // Created at version 0; every later save, signature, amendment start or cancel adds 1, each with its audit row.
      const audited = auditCount('decision.draft_save', row.id) - 1 + auditCount('decision.sign', row.id) + auditCount('decision.amend_start', row.id) + auditCount('decision.amend_cancel', row.id);
      if (audited !== row.version) auditGaps.push(`${row.id}: row version ${row.version}, audited changes ${audited}`);
    }
    // Signed versions nobody was told about.
    const ackedSigs = new Set(acks.flatMap((a) => (a.kind === 'sign' ? [`${a.decisionId}#${a.versionNumber}`] : [])));
    for (const v of versions) if (!ackedSigs.has(`${v.decisionId}#${v.number}`)) unacknowledgedCommits.push(`${v.decisionId}: signed version #${v.number} without an acknowledged signature`);

    const signAuditRows = audits.filter((a) => a.action === 'decision.sign').reduce((n, a) => n + a.n, 0);
    if (signAuditRows !== versions.length) auditGaps.push(`${versions.length} signed versions, ${signAuditRows} decision.sign audit rows`);
    return {
      decisions: rows.length,
      ackedSaves: acks.filter((a) => a.kind === 'save').length,
      ackedSignatures: ackedSigs.size,
      ackedAmendments: acks.filter((a) => a.kind === 'amend_start').length,
      lost,
      duplicated,
      unacknowledgedCommits,
      auditGaps,
      signedVersionRows: versions.length,
      signAuditRows,
    };
  } finally {
    await client.end();
  }
}
