// PACS proxy mode: the same endpoints, answered by the hospital's DICOMweb server.
// Konsil still decides who sees what: a study is reachable only when Konsil's index
// knows its StudyInstanceUID (an ImagingStudy row from a FHIR ImagingStudy or an
// import) and its patient is in the actor's case scope; search results are cut to
// such studies. The scope check and the audit (source "pacs") happen in one
// transaction before anything is sent to the client.
//
// A search under one study (/studies/{uid}/series, …/series/{uid}/instances) is
// checked for that study only, so the PACS must not be able to answer for another:
// the UIDs the path fixes are taken out of the forwarded query, the study UID is
// asked for, and a result that does not name the path's study is dropped.
// JSON answers are read into memory up to a cap (QIDO_MAX_BYTES…), and every
// search is sent with a limit, so a PACS cannot make Konsil hold an unbounded answer.
import { findStudyInScope, listVisibleStudyUids, pickVisibleStudies, type ImagingReadAudit } from '@/lib/db/imaging';
import { requireDicomJson } from './accept';
import { resolveAttribute, type DicomJson } from './dicom-json';
import { DicomwebError, badRequest, notFound } from './dicomweb-error';
import { parseMultipart } from './multipart';
import { fetchFromPacs, readAll, type PacsConfig, type UpstreamResponse } from './pacs-fetch';
import { isUid, type DicomwebTarget, type ObjectUids, type QidoLevel } from './parse-path';
import { listValues, parseQidoQuery, type QidoQuery } from './qido-query';
import { rewritePacsUrls } from './rewrite-urls';
import { dicomJsonResponse, type DicomwebContext } from './request-context';
import { parseWadoUriParams } from './local-wado';

/** A search for all studies is narrowed to the actor's studies by UID when there are at most this many. */
const MAX_UIDS_IN_QUERY = 200;
const JSON_ACCEPT = 'application/dicom+json, application/json;q=0.9';
/** What a QIDO answer from the PACS may take in memory. */
export const QIDO_MAX_BYTES = 32 * 1024 * 1024;
/** WADO-RS metadata of a whole study: one dataset per instance, so larger. */
export const METADATA_MAX_BYTES = 256 * 1024 * 1024;
/** WADO-URI through the PACS holds the one object in memory to unwrap it from its multipart. */
export const WADO_URI_MAX_BYTES = 1024 * 1024 * 1024;
/** A search across studies is filtered after the PACS answers, so it asks for offset + limit + 1, up to this. */
const MAX_UPSTREAM_RESULTS = 10_000;

function objectPath(uids: ObjectUids): string {
  let path = `studies/${uids.studyUid}`;
  if (uids.seriesUid) path += `/series/${uids.seriesUid}`;
  if (uids.sopUid) path += `/instances/${uids.sopUid}`;
  return path;
}

/** The PACS path of a study-bound request (built from validated parts only). */
function upstreamPath(target: Exclude<DicomwebTarget, { kind: 'wado-uri' } | { kind: 'qido' }>): string {
  const base = objectPath(target);
  switch (target.kind) {
    case 'metadata':
      return `${base}/metadata`;
    case 'retrieve':
      return base;
    case 'frames':
      return `${base}/frames/${target.frames.join(',')}`;
    case 'bulk':
      return `${base}/bulk/${target.tagPath.join('/')}`;
    case 'rendered':
    case 'thumbnail':
      return `${base}${target.frames ? `/frames/${target.frames.join(',')}` : ''}/${target.kind}`;
  }
}

function auditLevel(target: DicomwebTarget): ImagingReadAudit['level'] {
  switch (target.kind) {
    case 'qido':
      return target.level;
    case 'metadata':
      return 'metadata';
    case 'frames':
    case 'bulk':
      return 'frames';
    case 'rendered':
    case 'thumbnail':
      return target.kind;
    default:
      return 'instance';
  }
}

async function requireStudy(context: DicomwebContext, uids: ObjectUids, audit: ImagingReadAudit): Promise<void> {
  const study = await findStudyInScope({ actor: context.actor, studyUid: uids.studyUid, audit });
  if (!study) throw notFound(`Study ${uids.studyUid} was not found.`);
}

async function readJsonArray(response: UpstreamResponse, maxBytes: number, what: string): Promise<DicomJson[]> {
  const bytes = await readAll(response, maxBytes, what);
  if (bytes.length === 0) return [];
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (Array.isArray(parsed)) return parsed as DicomJson[];
  } catch {
    // fall through
  }
  throw new DicomwebError(502, 'The PACS answered with something that is not DICOM JSON.');
}

const studyUidOf = (dataset: DicomJson) => dataset['0020000D']?.Value?.[0] as string | undefined;

/** Passes a binary answer (frames, objects, rendered images) through as it streams. */
function streamThrough(upstream: UpstreamResponse): Response {
  const headers = new Headers();
  const contentType = upstream.headers.get('content-type');
  if (contentType) headers.set('content-type', contentType);
  // fetch has already decoded a compressed body, so an upstream length would be wrong then.
  const length = upstream.headers.get('content-length');
  if (length && !upstream.headers.get('content-encoding')) headers.set('content-length', length);
  return new Response(upstream.body, { status: 200, headers });
}

export async function proxyDicomweb(target: DicomwebTarget, context: DicomwebContext, pacs: PacsConfig): Promise<Response> {
  const audit: ImagingReadAudit = { service: target.kind === 'qido' ? 'qido' : target.kind === 'wado-uri' ? 'wado-uri' : 'wado-rs', level: auditLevel(target), source: 'pacs' };
  const signal = context.request.signal;

  if (target.kind === 'qido') return proxyQido(target, context, pacs, audit);

  if (target.kind === 'wado-uri') {
    const uids = parseWadoUriParams(context.url.searchParams);
    await requireStudy(context, uids, { ...audit, seriesInstanceUid: uids.seriesUid, sopInstanceUid: uids.sopUid });
    // Via WADO-RS: the PACS's WADO-URI endpoint is not under its DICOMweb root.
    const syntax = context.url.searchParams.get('transferSyntax') ?? '*';
    if (syntax !== '*' && !isUid(syntax)) throw badRequest('transferSyntax must be a transfer syntax UID.');
    const upstream = await fetchFromPacs(pacs, objectPath(uids), { accept: `multipart/related; type="application/dicom"; transfer-syntax=${syntax}`, signal });
    const [part] = parseMultipart(upstream.headers.get('content-type') ?? '', await readAll(upstream, WADO_URI_MAX_BYTES, 'one object'));
    if (!part) throw new DicomwebError(502, 'The PACS sent no DICOM object.');
    return new Response(new Blob([part.bytes as Uint8Array<ArrayBuffer>]), { headers: { 'Content-Type': 'application/dicom', 'Content-Length': String(part.bytes.byteLength) } });
  }

  await requireStudy(context, target, { ...audit, seriesInstanceUid: target.seriesUid, sopInstanceUid: target.sopUid });
  const path = upstreamPath(target);
  if (target.kind === 'metadata') {
    requireDicomJson(context.accept);
    const upstream = await fetchFromPacs(pacs, path, { accept: JSON_ACCEPT, signal });
    // Only the study asked for, with its URLs pointing back at Konsil.
    const datasets = (await readJsonArray(upstream, METADATA_MAX_BYTES, 'the metadata')).filter((dataset) => studyUidOf(dataset) === target.studyUid);
    return dicomJsonResponse(datasets.map((dataset) => rewritePacsUrls(dataset, pacs.url, context.base)));
  }
  const query = target.kind === 'rendered' || target.kind === 'thumbnail' ? context.url.searchParams : undefined;
  const accept = context.request.headers.get('accept') ?? '*/*';
  return streamThrough(await fetchFromPacs(pacs, path, { accept, query, signal }));
}

async function proxyQido(target: { level: QidoLevel; studyUid?: string; seriesUid?: string }, context: DicomwebContext, pacs: PacsConfig, audit: ImagingReadAudit): Promise<Response> {
  requireDicomJson(context.accept);
  const query = parseQidoQuery(context.url.searchParams, target.level);
  const signal = context.request.signal;
  if (target.studyUid) {
    // Under one study: check it, then the PACS pages and filters by itself.
    const uids = { studyUid: target.studyUid, seriesUid: target.seriesUid };
    const path = `${objectPath(uids)}/${target.seriesUid ? 'instances' : target.level}`;
    await requireStudy(context, uids, { ...audit, seriesInstanceUid: target.seriesUid });
    const forwarded = underStudyQuery(context.url.searchParams, query, uids);
    // A key that contradicts the path matches nothing, as in Konsil's own store.
    if (!forwarded) return dicomJsonResponse([], query.warnings);
    const upstream = await fetchFromPacs(pacs, path, { query: forwarded, accept: JSON_ACCEPT, signal });
    // A result that does not name the path's study cannot be shown as one of it.
    const results = (await readJsonArray(upstream, QIDO_MAX_BYTES, 'this search')).filter((dataset) => studyUidOf(dataset) === target.studyUid);
    return dicomJsonResponse(results.map((dataset) => rewritePacsUrls(dataset, pacs.url, context.base)), query.warnings);
  }

  // Across studies: Konsil pages, after cutting the PACS's answer to visible studies.
  const forwarded = new URLSearchParams(context.url.searchParams);
  forwarded.delete('limit');
  forwarded.delete('offset');
  // Enough for the page asked for (and one more, to tell whether there are more) if every result is visible.
  const upstreamLimit = Math.min(query.offset + query.limit + 1, MAX_UPSTREAM_RESULTS);
  forwarded.set('limit', String(upstreamLimit));
  const askedFor = query.matchers.some((matcher) => matcher.tag === '0020000D');
  if (!askedFor) {
    const visible = await listVisibleStudyUids({ actor: context.actor, take: MAX_UIDS_IN_QUERY + 1 });
    if (visible.length === 0) return pickAndRespond([], query, context, pacs, audit, false);
    if (visible.length <= MAX_UIDS_IN_QUERY) forwarded.set('StudyInstanceUID', visible.join(','));
  }
  // The study UID is needed to filter: ask for it even where a PACS would not return it by default.
  if (target.level !== 'studies') forwarded.append('includefield', '0020000D');
  const upstream = await fetchFromPacs(pacs, target.level, { query: forwarded, accept: JSON_ACCEPT, signal });
  const results = await readJsonArray(upstream, QIDO_MAX_BYTES, 'this search');
  return pickAndRespond(results, query, context, pacs, audit, results.length >= upstreamLimit);
}

/**
 * The query for a search under /studies/{uid}[/series/{uid}]: the client's keys
 * without the UIDs the path fixes (in whatever spelling: keyword or hex tag), the
 * client's page or Konsil's largest one, and the study UID asked for. Null when the
 * client's own UID list leaves out the path's UID: nothing can match then.
 */
function underStudyQuery(params: URLSearchParams, query: QidoQuery, path: { studyUid: string; seriesUid?: string }): URLSearchParams | null {
  const fixed = new Map<string, string>([['0020000D', path.studyUid]]);
  if (path.seriesUid) fixed.set('0020000E', path.seriesUid);
  const forwarded = new URLSearchParams();
  for (const [key, value] of params) {
    if (key === 'limit' || key === 'offset') continue;
    const tag = resolveAttribute(key)?.tag;
    const pathUid = tag ? fixed.get(tag) : undefined;
    if (pathUid !== undefined) {
      const wanted = value.trim() === '*' ? [] : listValues(value);
      if (wanted.length > 0 && !wanted.includes(pathUid)) return null;
      continue;
    }
    forwarded.append(key, value);
  }
  forwarded.set('limit', String(query.limit));
  if (query.offset > 0) forwarded.set('offset', String(query.offset));
  // includefield=all already returns it; otherwise ask, since results without it are dropped.
  if (!query.includeAll) forwarded.append('includefield', '0020000D');
  return forwarded;
}

async function pickAndRespond(
  results: DicomJson[],
  query: QidoQuery,
  context: DicomwebContext,
  pacs: PacsConfig,
  audit: ImagingReadAudit,
  /** The PACS sent as many results as Konsil asked for: there may be more it did not send. */
  upstreamCut: boolean,
): Promise<Response> {
  const warnings = [...query.warnings];
  const shown = await pickVisibleStudies({
    actor: context.actor,
    studyUids: results.flatMap((dataset) => studyUidOf(dataset) ?? []),
    audit,
    pick: (visible) => {
      // A result without a study UID cannot be checked, so it is not shown.
      const allowed = results.filter((dataset) => visible.has(studyUidOf(dataset) ?? ''));
      const page = allowed.slice(query.offset, query.offset + query.limit);
      if (allowed.length > query.offset + query.limit) warnings.push(`There are more results: ask again with offset=${query.offset + query.limit}`);
      else if (upstreamCut) warnings.push(`The PACS was asked for ${results.length} results only and may have more; narrow the search`);
      return { value: page, shown: page.map((dataset) => visible.get(studyUidOf(dataset)!)!) };
    },
  });
  return dicomJsonResponse(shown.map((dataset) => rewritePacsUrls(dataset, pacs.url, context.base)), warnings);
}
