// WADO-RS and WADO-URI from Konsil's own store: the index row (scoped, audited)
// names the content-addressed file; frames are cut from it, objects are sent whole.
import { findStoredInstances, type ImagingReadAudit, type StoredInstance } from '@/lib/db/imaging';
import { readDicomObject } from '@/lib/storage/content-store';
import { negotiate, requireDicomJson } from './accept';
import { readBulkElement } from './bulk-element';
import { DicomwebError, badRequest, notAcceptable, notFound } from './dicomweb-error';
import { frameBytes, frameOffers } from './frame-offers';
import { instanceMetadata, instanceUrl } from './metadata';
import { multipartResponse, type Part } from './multipart';
import { requireUid, type ObjectUids } from './parse-path';
import { cachedPixelData } from './pixel-cache';
import { FrameOutOfRangeError, openPixelData } from './pixel-frames';
import { dicomJsonResponse, type DicomwebContext } from './request-context';
import { EXPLICIT_VR_LE } from './transfer-syntax';

type Level = ImagingReadAudit['level'];

async function storedInstances(context: DicomwebContext, uids: ObjectUids, level: Level, service: 'wado-rs' | 'wado-uri', withMetadata: boolean) {
  const found = await findStoredInstances({
    actor: context.actor,
    ...uids,
    withMetadata,
    audit: { service, level, source: 'local', seriesInstanceUid: uids.seriesUid, sopInstanceUid: uids.sopUid },
  });
  if (!found) throw notFound(`Study ${uids.studyUid} was not found.`);
  if (found.instances.length === 0) {
    throw notFound(uids.sopUid ? `Instance ${uids.sopUid} was not found in series ${uids.seriesUid}.` : `Series ${uids.seriesUid} was not found in study ${uids.studyUid}.`);
  }
  return found;
}

async function readStored(instance: StoredInstance): Promise<Uint8Array> {
  try {
    return await readDicomObject(instance.fileSha256);
  } catch (error) {
    throw new DicomwebError(500, `The stored file of instance ${instance.sopInstanceUid} is missing.`, { cause: error });
  }
}

export async function localMetadata(uids: ObjectUids, context: DicomwebContext): Promise<Response> {
  requireDicomJson(context.accept);
  const { study, instances } = await storedInstances(context, uids, 'metadata', 'wado-rs', true);
  return dicomJsonResponse(instances.map((instance) => instanceMetadata(instance, study.studyInstanceUid, context.base)));
}

/** Whole objects, streamed one file at a time, each in its stored transfer syntax. */
export async function localRetrieve(uids: ObjectUids, context: DicomwebContext): Promise<Response> {
  const { study, instances } = await storedInstances(context, uids, 'instance', 'wado-rs', false);
  const labels = instances.map((instance) => {
    const negotiated = negotiate(context.accept, [{ transferSyntaxUid: instance.transferSyntaxUid ?? '*', mediaType: 'application/dicom' }], { octetStreamAcceptsAll: false });
    if (!negotiated) {
      throw notAcceptable(
        `Instance ${instance.sopInstanceUid} is stored as ${instance.transferSyntaxUid}; Konsil does not transcode. Ask with Accept: multipart/related; type="application/dicom"; transfer-syntax=*`,
      );
    }
    // An index row without a syntax (never written by the importer) is labelled without one rather than wrongly.
    return instance.transferSyntaxUid ? negotiated.partContentType : 'application/dicom';
  });
  async function* parts(): AsyncGenerator<Part> {
    for (const [index, instance] of instances.entries()) {
      yield { contentType: labels[index]!, bytes: await readStored(instance), location: instanceUrl(context.base, study.studyInstanceUid, instance) };
    }
  }
  return multipartResponse('application/dicom', parts());
}

/** Frames (1-based) of one instance; `frames` undefined means all of them (bulk PixelData). */
export async function localFrames(uids: Required<ObjectUids>, frames: number[] | undefined, context: DicomwebContext): Promise<Response> {
  const { instances } = await storedInstances(context, uids, 'frames', 'wado-rs', false);
  const instance = instances[0]!;
  const pixels = await cachedPixelData(instance.fileSha256, async () => openPixelData(await readStored(instance)));
  if (!pixels) throw notFound(`Instance ${uids.sopUid} has no pixel data (SOP class ${instance.sopClassUid}).`);
  const negotiated = negotiate(context.accept, frameOffers(pixels), { octetStreamAcceptsAll: true });
  if (!negotiated) {
    throw notAcceptable(
      `Frames of instance ${uids.sopUid} are stored as ${pixels.transferSyntaxUid}; Konsil does not transcode. Ask with Accept: multipart/related; type="application/octet-stream"; transfer-syntax=*`,
    );
  }
  const numbers = frames ?? Array.from({ length: pixels.numberOfFrames }, (_, i) => i + 1);
  const missing = numbers.find((n) => n > pixels.numberOfFrames);
  if (missing !== undefined) throw notFound(new FrameOutOfRangeError(missing, pixels.numberOfFrames).message);
  async function* parts(): AsyncGenerator<Part> {
    for (const n of numbers) yield { contentType: negotiated!.partContentType, bytes: frameBytes(pixels!, negotiated!.offer, n) };
  }
  const rootType = negotiated.partContentType.split(';')[0]!;
  return multipartResponse(rootType, parts());
}

/** bulk/7fe00010 is every frame; bulk/<tag> any other top-level value, as application/octet-stream. */
export async function localBulk(uids: Required<ObjectUids>, tagPath: string[], context: DicomwebContext): Promise<Response> {
  const [tag] = tagPath;
  if (tagPath.length !== 1 || !tag || !/^[0-9a-f]{8}$/.test(tag)) throw notFound('Konsil serves bulk data of top-level elements only (bulk/<tag>).');
  if (tag === '7fe00010') return localFrames(uids, undefined, context);
  const negotiated = negotiate(context.accept, [{ transferSyntaxUid: EXPLICIT_VR_LE, mediaType: 'application/octet-stream' }], { octetStreamAcceptsAll: true });
  if (!negotiated) throw notAcceptable('Bulk data is sent as multipart/related; type="application/octet-stream".');
  const { instances } = await storedInstances(context, uids, 'frames', 'wado-rs', false);
  const bytes = readBulkElement(await readStored(instances[0]!), tag);
  if (!bytes) throw notFound(`Instance ${uids.sopUid} has no top-level element ${tag}.`);
  async function* parts(): AsyncGenerator<Part> {
    yield { contentType: 'application/octet-stream', bytes: bytes! };
  }
  return multipartResponse('application/octet-stream', parts());
}

/**
 * WADO-URI (PS3.18 9): the Part 10 file. Only application/dicom: Konsil does not
 * render JPEGs. A missing contentType is taken as application/dicom (the standard
 * default is image/jpeg, which no client of Konsil's wants).
 */
export async function localWadoUri(context: DicomwebContext): Promise<Response> {
  const uids = parseWadoUriParams(context.url.searchParams);
  const { instances } = await storedInstances(context, uids, 'instance', 'wado-uri', false);
  const instance = instances[0]!;
  const wantedSyntax = context.url.searchParams.get('transferSyntax');
  if (wantedSyntax && wantedSyntax !== '*' && wantedSyntax !== instance.transferSyntaxUid) {
    throw notAcceptable(`Instance ${uids.sopUid} is stored as ${instance.transferSyntaxUid}; Konsil does not transcode.`);
  }
  const bytes = await readStored(instance);
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
    status: 200,
    headers: { 'Content-Type': 'application/dicom', 'Content-Length': String(bytes.byteLength) },
  });
}

export function parseWadoUriParams(params: URLSearchParams): Required<ObjectUids> {
  if (params.get('requestType') !== 'WADO') throw badRequest('WADO-URI needs requestType=WADO.');
  const contentType = params.get('contentType');
  if (contentType && !contentType.split(',').some((type) => type.trim().split(';')[0] === 'application/dicom')) {
    throw notAcceptable('Konsil serves WADO-URI as contentType=application/dicom only.');
  }
  return {
    studyUid: requireUid(params.get('studyUID'), 'studyUID'),
    seriesUid: requireUid(params.get('seriesUID'), 'seriesUID'),
    sopUid: requireUid(params.get('objectUID'), 'objectUID'),
  };
}
