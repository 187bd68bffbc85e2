// QIDO-RS from Konsil's own index. UID lists and plain modalities narrow the
// database query; every other key is matched on the built result (qido-match.ts).
// When such a key is present the page is cut after matching, from at most
// CANDIDATE_CAP candidates, so limit/offset stay correct. Only the stored
// attributes the results are built from are loaded (metadataTagsFor); with
// includefield=all every candidate's whole dataset is, so the cap is lower then.
import { searchInstances, searchSeries, searchStudies, type ImagingFilter, type Page, type Picked } from '@/lib/db/imaging';
import { requireDicomJson } from './accept';
import type { DicomJson } from './dicom-json';
import { notFound } from './dicomweb-error';
import type { QidoLevel } from './parse-path';
import { matchesAll } from './qido-match';
import { hasWildcard, listValues, parseQidoQuery, type Matcher, type QidoQuery } from './qido-query';
import { instanceResult, metadataTagsFor, seriesResult, studyResult } from './qido-results';
import { dicomJsonResponse, type DicomwebContext } from './request-context';

const CANDIDATE_CAP = 10_000;
const CANDIDATE_CAP_WHOLE_DATASETS = 2_000;

const UID_FILTERS: Record<string, keyof ImagingFilter> = {
  '0020000D': 'studyUids',
  '0020000E': 'seriesUids',
  '00080018': 'sopUids',
  '00080016': 'sopClassUids',
};
const MODALITY_TAGS = new Set(['00080060', '00080061']);

/**
 * Splits the query into what the index answers (UID lists, plain modalities: they
 * may name a lower level, e.g. /studies?SeriesInstanceUID=…) and the matchers left
 * for the built results.
 */
export function indexFilter(matchers: readonly Matcher[], path: { studyUid?: string; seriesUid?: string }): { filter: ImagingFilter; rest: Matcher[] } {
  const filter: ImagingFilter = {};
  const rest: Matcher[] = [];
  for (const matcher of matchers) {
    const uidKey = UID_FILTERS[matcher.tag];
    if (uidKey) filter[uidKey] = listValues(matcher.value);
    else if (MODALITY_TAGS.has(matcher.tag) && !hasWildcard(matcher.value)) filter.modalities = listValues(matcher.value);
    else rest.push(matcher);
  }
  // The path wins; a query key that contradicts it matches nothing.
  if (path.studyUid) filter.studyUids = filter.studyUids && !filter.studyUids.includes(path.studyUid) ? [] : [path.studyUid];
  if (path.seriesUid) filter.seriesUids = filter.seriesUids && !filter.seriesUids.includes(path.seriesUid) ? [] : [path.seriesUid];
  return { filter, rest };
}

function candidateCap(query: QidoQuery): number {
  return query.includeAll ? CANDIDATE_CAP_WHOLE_DATASETS : CANDIDATE_CAP;
}

function pageOf(query: QidoQuery, complete: boolean): Page {
  // One more than asked, to know whether there are more.
  return complete ? { skip: query.offset, take: query.limit + 1 } : { skip: 0, take: candidateCap(query) };
}

function window<H>(built: Array<{ hit: H; json: DicomJson }>, query: QidoQuery, rest: Matcher[], complete: boolean) {
  const matching = built.filter((entry) => matchesAll(entry.json, rest));
  const windowed = complete ? matching : matching.slice(query.offset, query.offset + query.limit + 1);
  const more = windowed.length > query.limit;
  return { shown: windowed.slice(0, query.limit), more };
}

export async function localQido(target: { level: QidoLevel; studyUid?: string; seriesUid?: string }, context: DicomwebContext): Promise<Response> {
  requireDicomJson(context.accept);
  const query = parseQidoQuery(context.url.searchParams, target.level);
  const { filter, rest } = indexFilter(query.matchers, target);
  const complete = rest.length === 0;
  const page = pageOf(query, complete);
  const { actor, base } = context;
  const metadataTags = metadataTagsFor(query);
  const cap = candidateCap(query);
  const audit = { service: 'qido' as const, level: target.level, source: 'local' as const, seriesInstanceUid: target.seriesUid };
  let more = false;
  let capped = false;

  const finish = <H>(built: Array<{ hit: H; json: DicomJson }>, study: (hit: H) => { studyId: string; patientId: string; studyInstanceUid: string }): Picked<DicomJson[]> => {
    const result = window(built, query, rest, complete);
    more = result.more;
    capped = !complete && built.length >= cap;
    return { value: result.shown.map((entry) => entry.json), shown: result.shown.map((entry) => study(entry.hit)) };
  };

  let results: DicomJson[] | null;
  if (target.level === 'studies') {
    results = await searchStudies({
      actor,
      filter,
      page,
      audit,
      metadataTags,
      pick: (hits) => finish(hits.map((hit) => ({ hit, json: studyResult(hit, base, query) })), (hit) => hit),
    });
  } else if (target.level === 'series') {
    results = await searchSeries({
      actor,
      filter,
      withinStudy: target.studyUid,
      page,
      audit,
      metadataTags,
      pick: (hits) => finish(hits.map((hit) => ({ hit, json: seriesResult(hit, base, query, !target.studyUid) })), (hit) => hit.study),
    });
  } else {
    results = await searchInstances({
      actor,
      filter,
      withinStudy: target.studyUid,
      page,
      audit,
      metadataTags,
      pick: (hits) => finish(hits.map((hit) => ({ hit, json: instanceResult(hit, base, query, !target.seriesUid) })), (hit) => hit.study),
    });
  }
  if (results === null) throw notFound(`Study ${target.studyUid} was not found.`);
  const warnings = [...query.warnings];
  if (more) warnings.push(`There are more results: ask again with offset=${query.offset + query.limit}`);
  if (capped) warnings.push(`Only the first ${cap} candidates were matched; narrow the search`);
  return dicomJsonResponse(results, warnings);
}
