import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { searchInstances, searchSeries } from '@/lib/db/imaging';
import { resetEnvCache } from '@/lib/env';
import { concat, rawPixelData } from './test-support/dicom-files';
import { ANY_DICOM, BASE, CORNERSTONE_FRAMES, callDicomweb, json, parts, value } from './test-support/call-dicomweb';
import { seedImagingWorld, type ImagingWorld, type WorldFile } from './test-support/imaging-world';

let world: ImagingWorld;
const saved = { storage: process.env.KONSIL_STORAGE_DIR, pacs: process.env.PACS_DICOMWEB_URL };

beforeAll(async () => {
  delete process.env.PACS_DICOMWEB_URL;
  resetEnvCache();
  world = await seedImagingWorld();
});

afterAll(() => {
  process.env.KONSIL_STORAGE_DIR = saved.storage;
  if (saved.pacs) process.env.PACS_DICOMWEB_URL = saved.pacs;
  resetEnvCache();
});

const instancePath = (file: WorldFile) => `studies/${file.studyUid}/series/${file.seriesUid}/instances/${file.sopUid}`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  return out;
}

describe('QIDO-RS', () => {
  it('lists the patient’s studies with the required attributes and true counts', async () => {
    const studies = await json(await callDicomweb(world.member, 'studies'));
    const mr = studies.find((s) => value(s, '0020000D') === world.files.mrExplicitLittle.studyUid);
    expect(mr, 'the MR study is listed').toBeDefined();
    for (const tag of ['00080020', '00080030', '00080050', '00080061', '00100010', '00100020', '00100030', '00100040', '0020000D', '00200010', '00081030', '00201206', '00201208', '00081190']) {
      expect(mr, `study attribute ${tag}`).toHaveProperty(tag);
    }
    expect(mr!['00080061']!.Value).toEqual(['MR']);
    expect(mr!['00201206']!.Value).toEqual([1]);
    expect(mr!['00201208']!.Value).toEqual([1]);
    expect(mr!['00081190']!.Value).toEqual([`${BASE}/studies/${world.files.mrExplicitLittle.studyUid}`]);
    // JPEG-lossy and JPEG2000 are two instances of one NM study.
    const nm = studies.find((s) => value(s, '0020000D') === world.files.jpegExtended.studyUid);
    expect(nm!['00201208']!.Value).toEqual([2]);
    expect(studies.map((s) => value(s, '0020000D'))).not.toContain(world.otherFile.studyUid);
  });

  it('matches StudyInstanceUID lists, PatientID, PatientName wildcards, dates, modalities and accession numbers', async () => {
    const { mrExplicitLittle: mr, ctExplicitLittle: ct } = world.files;
    const uids = async (query: string) => (await json(await callDicomweb(world.member, `studies?${query}`))).map((s) => value(s, '0020000D')).sort();
    expect(await uids(`StudyInstanceUID=${mr.studyUid},${ct.studyUid}`)).toEqual([mr.studyUid, ct.studyUid].sort());
    const [mrStudy] = await json(await callDicomweb(world.member, `studies?StudyInstanceUID=${mr.studyUid}`));
    const patientId = value(mrStudy, '00100020') as string;
    const patientName = (value(mrStudy, '00100010') as { Alphabetic: string }).Alphabetic;
    const studyDate = value(mrStudy, '00080020') as string;
    expect(await uids(`PatientID=${encodeURIComponent(patientId)}&StudyInstanceUID=${mr.studyUid}`)).toEqual([mr.studyUid]);
    expect(await uids(`PatientName=${encodeURIComponent(patientName.slice(0, 3).toLowerCase())}*&StudyInstanceUID=${mr.studyUid}`)).toEqual([mr.studyUid]);
    expect(await uids(`PatientName=NobodyAtAll*&StudyInstanceUID=${mr.studyUid}`)).toEqual([]);
    expect(await uids(`StudyDate=${studyDate}-${studyDate}&StudyInstanceUID=${mr.studyUid}`)).toEqual([mr.studyUid]);
    expect(await uids(`StudyDate=-19000101&StudyInstanceUID=${mr.studyUid}`)).toEqual([]);
    const mrOnly = await uids('ModalitiesInStudy=MR');
    expect(mrOnly).toContain(mr.studyUid);
    expect(mrOnly).not.toContain(ct.studyUid);
    const [ctStudy] = await json(await callDicomweb(world.member, `studies?StudyInstanceUID=${ct.studyUid}`));
    const accession = value(ctStudy, '00080050') as string | undefined;
    if (accession) expect(await uids(`AccessionNumber=${encodeURIComponent(accession)}`)).toContain(ct.studyUid);
    expect(await uids('AccessionNumber=NO-SUCH-ACCESSION')).toEqual([]);
  });

  it('pages with limit and offset, and says when there is more', async () => {
    const all = (await json(await callDicomweb(world.member, 'studies'))).map((s) => value(s, '0020000D'));
    expect(all.length).toBeGreaterThan(3);
    const first = await callDicomweb(world.member, 'studies?limit=2');
    expect(first.headers.get('warning')).toContain('offset=2');
    const page1 = (await json(first)).map((s) => value(s, '0020000D'));
    const page2 = (await json(await callDicomweb(world.member, 'studies?limit=2&offset=2'))).map((s) => value(s, '0020000D'));
    expect(page1).toEqual(all.slice(0, 2));
    expect(page2).toEqual(all.slice(2, 4));
    // Pages stay right when a key is matched on the results rather than in the database.
    const named = (await json(await callDicomweb(world.member, 'studies?PatientName=*'))).map((s) => value(s, '0020000D'));
    expect((await json(await callDicomweb(world.member, 'studies?PatientName=*&limit=1&offset=1'))).map((s) => value(s, '0020000D'))).toEqual(named.slice(1, 2));
  });

  it('returns includefield attributes', async () => {
    const [withField] = await json(await callDicomweb(world.member, `studies?StudyInstanceUID=${world.files.ctExplicitLittle.studyUid}&includefield=00180050,Manufacturer`));
    expect(withField).toHaveProperty('00080070');
    const [all] = await json(await callDicomweb(world.member, `studies?StudyInstanceUID=${world.files.ctExplicitLittle.studyUid}&includefield=all`));
    expect(Object.keys(all!).length).toBeGreaterThan(Object.keys(withField!).length);
    expect(all).not.toHaveProperty('7FE00010');
  });

  it('lists series and instances of a study, and all series by modality', async () => {
    const ct = world.files.ctExplicitLittle;
    const [series] = await json(await callDicomweb(world.member, `studies/${ct.studyUid}/series`));
    expect(series).toMatchObject({ '00080060': { Value: ['CT'] }, '0020000E': { Value: [ct.seriesUid] }, '00201209': { Value: [1] } });
    for (const tag of ['00080060', '0020000E', '00200011', '0008103E', '00201209', '00081190']) expect(series, tag).toHaveProperty(tag);
    const [instance] = await json(await callDicomweb(world.member, `studies/${ct.studyUid}/series/${ct.seriesUid}/instances`));
    expect(instance).toMatchObject({ '00080018': { Value: [ct.sopUid] }, '00280010': { Value: [128] }, '00280011': { Value: [128] }, '00280008': { Value: [1] } });
    for (const tag of ['00080016', '00080018', '00200013', '00280010', '00280011', '00280008', '00081190']) expect(instance, tag).toHaveProperty(tag);
    const allCt = await json(await callDicomweb(world.member, 'series?Modality=CT'));
    expect(allCt.map((s) => value(s, '0020000E'))).toContain(ct.seriesUid);
    expect(allCt.every((s) => value(s, '00080060') === 'CT')).toBe(true);
    const bySop = await json(await callDicomweb(world.member, `instances?SOPInstanceUID=${world.files.jpegLs.sopUid}`));
    expect(bySop.map((i) => value(i, '00080018'))).toEqual([world.files.jpegLs.sopUid]);
    const multi = await json(await callDicomweb(world.member, `instances?SOPInstanceUID=${world.files.multiFrameNative.sopUid}`));
    expect(value(multi[0], '00280008')).toBe(16);
    // Lower-level UIDs narrow a higher-level search; a key contradicting the path matches nothing.
    expect((await json(await callDicomweb(world.member, `studies?SeriesInstanceUID=${ct.seriesUid}`))).map((s) => value(s, '0020000D'))).toEqual([ct.studyUid]);
    expect(await json(await callDicomweb(world.member, `studies/${ct.studyUid}/series?StudyInstanceUID=${world.files.rle.studyUid}`))).toEqual([]);
  });

  it('answers 404 for a search under a study outside the actor’s scope, and 400 for bad parameters', async () => {
    expect((await callDicomweb(world.outsider, `studies/${world.files.ctExplicitLittle.studyUid}/series`)).status).toBe(404);
    expect((await callDicomweb(world.member, 'studies?limit=many')).status).toBe(400);
  });

  it('never answers 500 to odd query keys: prototype names, non-Latin-1 and control characters are ignored with a warning', async () => {
    const ct = world.files.ctExplicitLittle;
    for (const odd of ['constructor=x', '__proto__=x', 'toString=1', 'includefield=constructor', '%E6%97%A5%E6%9C%AC=1', 'a%0D%0Ab=1', 'Gr%C3%BC%C3%9Fe=1', '%00=1']) {
      for (const path of [`studies?StudyInstanceUID=${ct.studyUid}&${odd}`, `studies/${ct.studyUid}/series?${odd}`, `instances?SOPInstanceUID=${ct.sopUid}&${odd}`]) {
        const response = await callDicomweb(world.member, path);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('warning'), path).toMatch(/^[\x20-\x7e]+$/);
        expect((await json(response)).map((s) => value(s, '0020000D')), path).toEqual([ct.studyUid]);
      }
    }
  });

  it('loads only the stored attributes a search reads, unless it reads them all', async () => {
    const ct = world.files.ctExplicitLittle;
    const audit = { service: 'qido' as const, level: 'instances' as const, source: 'local' as const };
    const keysOf = (metadataTags: string[] | undefined) =>
      searchInstances({ actor: world.member, filter: { sopUids: [ct.sopUid] }, page: { skip: 0, take: 10 }, audit, metadataTags, pick: (hits) => ({ value: hits.map((hit) => Object.keys(hit.metadata).sort()), shown: [] }) });
    expect(await keysOf(['00100010', '00080060', '99990010'])).toEqual([['00080060', '00100010']]);
    const [all] = (await keysOf(undefined))!;
    expect(all!.length).toBeGreaterThan(30);
    const samples = await searchSeries({ actor: world.member, filter: { seriesUids: [ct.seriesUid] }, page: { skip: 0, take: 10 }, audit: { ...audit, level: 'series' }, metadataTags: ['00080060', '00200011', '99990010'], pick: (hits) => ({ value: hits.map((hit) => hit.sample), shown: [] }) });
    expect(samples!.map((sample) => Object.keys(sample).sort())).toEqual([['00080060', '00200011']]);
  });

  it('refuses an over-long matching value with 400 rather than matching it', async () => {
    const response = await callDicomweb(world.member, `studies?StudyDescription=${'*?'.repeat(12)}${'x'.repeat(60)}`);
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/longer than 64 characters/);
  });
});

describe('WADO-RS metadata', () => {
  it('serves the stored metadata with PixelData as a BulkDataURI that can be followed', async () => {
    const ct = world.files.ctExplicitLittle;
    const response = await callDicomweb(world.member, `${instancePath(ct)}/metadata`);
    expect(response.headers.get('content-type')).toBe('application/dicom+json');
    const [metadata] = await json(response);
    expect(metadata).toMatchObject({ '0020000D': { Value: [ct.studyUid] }, '00080018': { Value: [ct.sopUid] }, '00280010': { Value: [128] } });
    const bulk = metadata!['7FE00010']!.BulkDataURI!;
    expect(bulk).toBe(`${BASE}/${instancePath(ct)}/bulk/7fe00010`);
    const [pixels] = await parts(await callDicomweb(world.member, bulk.slice(BASE.length + 1), CORNERSTONE_FRAMES));
    expect(pixels!.bytes).toEqual(rawPixelData(ct.bytes).bytes);
  });

  it('serves study- and series-level metadata, one dataset per instance', async () => {
    const nm = world.files.jpegExtended;
    expect(await json(await callDicomweb(world.member, `studies/${nm.studyUid}/metadata`))).toHaveLength(2);
    expect(await json(await callDicomweb(world.member, `studies/${nm.studyUid}/series/${nm.seriesUid}/metadata`))).toHaveLength(2);
  });

  it('has no BulkDataURI for an object without pixel data', async () => {
    const [sr] = await json(await callDicomweb(world.member, `${instancePath(world.files.structuredReport)}/metadata`));
    expect(sr).not.toHaveProperty('7FE00010');
    const frames = await callDicomweb(world.member, `${instancePath(world.files.structuredReport)}/frames/1`, CORNERSTONE_FRAMES);
    expect(frames.status).toBe(404);
    expect((await frames.json()).message).toMatch(/no pixel data/);
  });
});

describe('WADO-RS frames', () => {
  const native = [
    ['explicit VR little endian', 'mrExplicitLittle', '1.2.840.10008.1.2.1'],
    ['implicit VR little endian', 'implicitLittle', '1.2.840.10008.1.2'],
  ] as const;

  it.each(native)('%s: the frame is the stored pixel data, labelled explicit VR little endian', async (_name, key) => {
    const file = world.files[key];
    const [frame, ...rest] = await parts(await callDicomweb(world.member, `${instancePath(file)}/frames/1`, CORNERSTONE_FRAMES));
    expect(rest).toHaveLength(0);
    expect(frame!.headers['content-type']).toBe('application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1');
    expect(frame!.bytes).toEqual(rawPixelData(file.bytes).bytes);
  });

  it('explicit VR big endian: swapped to little endian by default, as stored when asked for by name', async () => {
    const file = world.files.explicitBig;
    const stored = rawPixelData(file.bytes, true).bytes!;
    const [little] = await parts(await callDicomweb(world.member, `${instancePath(file)}/frames/1`, CORNERSTONE_FRAMES));
    expect(little!.headers['content-type']).toBe('application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1');
    expect(little!.bytes).toEqual(swapPairs(stored));
    const [big] = await parts(await callDicomweb(world.member, `${instancePath(file)}/frames/1`, 'multipart/related; type="application/octet-stream"; transfer-syntax=1.2.840.10008.1.2.2'));
    expect(big!.headers['content-type']).toBe('application/octet-stream; transfer-syntax=1.2.840.10008.1.2.2');
    expect(big!.bytes).toEqual(stored);
  });

  it('cuts frames of a 16-frame native image at their offsets', async () => {
    const file = world.files.multiFrameNative;
    const raw = rawPixelData(file.bytes).bytes!;
    const got = await parts(await callDicomweb(world.member, `${instancePath(file)}/frames/2,16`, CORNERSTONE_FRAMES));
    expect(got.map((p) => p.bytes)).toEqual([raw.slice(65536, 2 * 65536), raw.slice(15 * 65536, 16 * 65536)]);
  });

  const encapsulated = [
    ['RLE lossless', 'rle', '1.2.840.10008.1.2.5'],
    ['JPEG baseline (96 frames)', 'jpegBaseline', '1.2.840.10008.1.2.4.50'],
    ['JPEG extended', 'jpegExtended', '1.2.840.10008.1.2.4.51'],
    ['JPEG lossless', 'jpegLossless', '1.2.840.10008.1.2.4.70'],
    ['JPEG-LS (5 fragments)', 'jpegLs', '1.2.840.10008.1.2.4.81'],
    ['JPEG 2000', 'jpeg2000', '1.2.840.10008.1.2.4.91'],
  ] as const;

  it.each(encapsulated)('%s: frames equal the stored fragments, labelled with their syntax', async (_name, key, syntax) => {
    const file = world.files[key];
    expect(file.syntax).toBe(syntax);
    const fragments = rawPixelData(file.bytes).fragments!;
    const last = key === 'jpegBaseline' ? 96 : 1;
    const got = await parts(await callDicomweb(world.member, `${instancePath(file)}/frames/1${last > 1 ? `,${last}` : ''}`, CORNERSTONE_FRAMES));
    expect(got.map((p) => p.headers['content-type'])).toEqual(got.map(() => `application/octet-stream; transfer-syntax=${syntax}`));
    if (last === 1) expect(got[0]!.bytes).toEqual(concat(fragments));
    else expect(got.map((p) => p.bytes)).toEqual([fragments[0], fragments[95]]);
  });

  it('labels frames with their image media type when the client asks for it, and refuses to transcode', async () => {
    const file = world.files.jpegLs;
    const [frame] = await parts(await callDicomweb(world.member, `${instancePath(file)}/frames/1`, 'multipart/related; type="image/jls"'));
    expect(frame!.headers['content-type']).toBe('image/jls; transfer-syntax=1.2.840.10008.1.2.4.81');
    const refused = await callDicomweb(world.member, `${instancePath(file)}/frames/1`, 'multipart/related; type="application/octet-stream"');
    expect(refused.status).toBe(406);
    expect((await refused.json()).message).toMatch(/does not transcode/);
  });

  it('answers 404 with the frame count for a frame out of range, and 400 for a bad UID or frame list', async () => {
    const file = world.files.multiFrameNative;
    const missing = await callDicomweb(world.member, `${instancePath(file)}/frames/17`, CORNERSTONE_FRAMES);
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toBe('Frame 17 does not exist: the instance has 16 frames.');
    expect((await callDicomweb(world.member, `studies/${file.studyUid}/series/${file.seriesUid}/instances/1.2.x/frames/1`)).status).toBe(400);
    expect((await callDicomweb(world.member, `${instancePath(file)}/frames/0`)).status).toBe(400);
    expect((await callDicomweb(world.member, `studies/${file.studyUid}/series/${file.seriesUid}/instances/1.2.3.4/frames/1`)).status).toBe(404);
  });
});

describe('WADO-RS instances and WADO-URI', () => {
  it('retrieves an instance as multipart application/dicom with the stored bytes', async () => {
    const file = world.files.jpeg2000;
    const [part, ...rest] = await parts(await callDicomweb(world.member, instancePath(file), ANY_DICOM));
    expect(rest).toHaveLength(0);
    expect(part!.headers['content-type']).toBe(`application/dicom; transfer-syntax=${file.syntax}`);
    expect(sha256(part!.bytes)).toBe(file.sha256);
  });

  it('retrieves a whole study, one part per instance', async () => {
    const { jpegExtended, jpeg2000 } = world.files;
    const got = await parts(await callDicomweb(world.member, `studies/${jpegExtended.studyUid}`, ANY_DICOM));
    expect(got.map((p) => sha256(p.bytes)).sort()).toEqual([jpegExtended.sha256, jpeg2000.sha256].sort());
  });

  it('refuses a named transfer syntax it would have to transcode to', async () => {
    const response = await callDicomweb(world.member, instancePath(world.files.rle), 'multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.1');
    expect(response.status).toBe(406);
  });

  it('WADO-URI returns the Part 10 file byte for byte', async () => {
    const file = world.files.explicitBig;
    const response = await callDicomweb(world.member, `wado?requestType=WADO&studyUID=${file.studyUid}&seriesUID=${file.seriesUid}&objectUID=${file.sopUid}&contentType=application%2Fdicom`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/dicom');
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(file.sha256);
    expect((await callDicomweb(world.member, `wado?studyUID=${file.studyUid}&seriesUID=${file.seriesUid}&objectUID=${file.sopUid}`)).status).toBe(400);
    expect((await callDicomweb(world.member, `wado?requestType=WADO&studyUID=${file.studyUid}&seriesUID=${file.seriesUid}&objectUID=${file.sopUid}&contentType=image%2Fjpeg`)).status).toBe(406);
  });
});

describe('scope and audit', () => {
  it('answers 404 to a clinician without a case for the patient, for every kind of read', async () => {
    const file = world.files.ctExplicitLittle;
    for (const path of [
      `studies/${file.studyUid}/metadata`,
      `${instancePath(file)}/metadata`,
      `${instancePath(file)}/frames/1`,
      instancePath(file),
      `studies/${file.studyUid}/series`,
      `wado?requestType=WADO&studyUID=${file.studyUid}&seriesUID=${file.seriesUid}&objectUID=${file.sopUid}`,
    ]) {
      const response = await callDicomweb(world.outsider, path);
      expect(response.status, path).toBe(404);
      expect((await response.json()).message, path).toContain(file.studyUid);
    }
    const theirs = (await json(await callDicomweb(world.outsider, 'studies'))).map((s) => value(s, '0020000D'));
    expect(theirs).toContain(world.otherFile.studyUid);
    expect(theirs).not.toContain(file.studyUid);
  });

  it('refuses an admin in the data layer too (no imaging.read)', async () => {
    expect((await callDicomweb(world.admin, 'studies')).status).toBe(403);
    expect((await callDicomweb(world.admin, `studies/${world.files.ctExplicitLittle.studyUid}/metadata`)).status).toBe(403);
  });

  it('lets the board’s coordinator read', async () => {
    expect((await callDicomweb(world.coordinator, `studies/${world.files.ctExplicitLittle.studyUid}/metadata`)).status).toBe(200);
  });

  it('writes one imaging.read event with the patient for every successful read, in the read’s transaction', async () => {
    const file = world.files.jpegLs;
    const count = () => db().auditEvent.count({ where: { actorId: world.member.id, action: 'imaging.read', patientId: world.patientId } });
    const reads: Array<[string, string | undefined, string]> = [
      ['studies?StudyInstanceUID=' + file.studyUid, undefined, 'studies'],
      [`studies/${file.studyUid}/series`, undefined, 'series'],
      [`${instancePath(file)}/metadata`, undefined, 'metadata'],
      [`${instancePath(file)}/frames/1`, CORNERSTONE_FRAMES, 'frames'],
      [instancePath(file), ANY_DICOM, 'instance'],
      [`wado?requestType=WADO&studyUID=${file.studyUid}&seriesUID=${file.seriesUid}&objectUID=${file.sopUid}`, undefined, 'instance'],
    ];
    for (const [path, accept, level] of reads) {
      const before = await count();
      const response = await callDicomweb(world.member, path, accept);
      expect(response.status, path).toBe(200);
      await response.arrayBuffer();
      expect(await count(), path).toBe(before + 1);
      const event = await db().auditEvent.findFirst({ where: { actorId: world.member.id, action: 'imaging.read' }, orderBy: { id: 'desc' } });
      expect(event, path).toMatchObject({ patientId: world.patientId, entityType: 'ImagingStudy', outcome: 'SUCCESS' });
      expect(event!.detail, path).toMatchObject({ level, source: 'local', studyInstanceUid: file.studyUid });
    }
    const outsiderEvents = await db().auditEvent.count({ where: { actorId: world.outsider.id, action: 'imaging.read', patientId: world.patientId } });
    expect(outsiderEvents).toBe(0);
  });
});

describe('other bulk data', () => {
  /** The value of a top-level explicit-VR little-endian OB/OW element, found by its tag bytes. */
  function elementValue(file: Uint8Array, group: number, element: number): Uint8Array {
    for (let i = 132; i < file.length - 12; i++) {
      if (file[i] === (group & 0xff) && file[i + 1] === group >> 8 && file[i + 2] === (element & 0xff) && file[i + 3] === element >> 8) {
        const length = new DataView(file.buffer, file.byteOffset + i + 8, 4).getUint32(0, true);
        return file.slice(i + 12, i + 12 + length);
      }
    }
    throw new Error('element not found');
  }

  it('points large binary values at the bulk endpoint, which serves their bytes', async () => {
    const ct = world.files.ctExplicitLittle;
    const [metadata] = await json(await callDicomweb(world.member, `${instancePath(ct)}/metadata`));
    const uri = metadata!['00431029']!.BulkDataURI!;
    expect(uri).toBe(`${BASE}/${instancePath(ct)}/bulk/00431029`);
    const [part] = await parts(await callDicomweb(world.member, uri.slice(BASE.length + 1), 'multipart/related; type="application/octet-stream"'));
    expect(part!.bytes).toEqual(elementValue(ct.bytes, 0x0043, 0x1029));
    expect(part!.bytes.length).toBe(2068);
    expect((await callDicomweb(world.member, `${instancePath(ct)}/bulk/60003000`)).status).toBe(404);
  });
});
