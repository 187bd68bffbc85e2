// PACS proxy mode against a real Orthanc (Debian's orthanc + orthanc-dicomweb):
// the same files in Konsil's store and in the PACS must come out the same, and
// Konsil's scope still decides which studies can be reached.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { resetEnvCache } from '@/lib/env';
import { freePort } from '@/lib/test/free-port';
import { startOrthanc, type StartedOrthanc } from '@/scripts/orthanc/start-orthanc';
import { daikonDir, readBytes } from './test-support/dicom-files';
import { ANY_DICOM, BASE, CORNERSTONE_FRAMES, callDicomweb, json, parts, value } from './test-support/call-dicomweb';
import { withFreshUids } from './test-support/fresh-uids';
import dicomParser from './dicom-parser';
import type { PacsConfig } from './pacs-fetch';
import { seedImagingWorld, type ImagingWorld, type WorldFile } from './test-support/imaging-world';

let world: ImagingWorld;
let orthanc: StartedOrthanc;
/** A study the PACS has but Konsil's index does not know. */
let unknownStudyUid: string;
let unknownSeriesUid: string;
/** In front of Orthanc: records the URLs Konsil sends, or answers QIDO with 40 MB when `oversize` is set. */
let front: http.Server;
let viaFront: PacsConfig;
const forwarded: URL[] = [];
let oversize = false;
const strangerUids = new Map<string, string>();
const saved = { ...process.env };

beforeAll(async () => {
  // Fails the whole file, with the reason, when Orthanc is not installed: never skips.
  orthanc = await startOrthanc({ port: await freePort() });
  world = await seedImagingWorld();
  for (const file of [...Object.values(world.files), world.otherFile]) await orthanc.uploadInstance(file.bytes);
  const stranger = withFreshUids(readBytes(path.join(daikonDir, 'volume/brain_002.dcm')), strangerUids);
  await orthanc.uploadInstance(stranger);
  unknownStudyUid = [...strangerUids.entries()].find(([original]) => original.startsWith('0.0.0.0.2.'))![1];
  unknownSeriesUid = dicomParser.parseDicom(Buffer.from(stranger), { untilTag: 'x7fe00010' }).string('x0020000e')!.replace(/\0/g, '').trim();
  front = http.createServer((request, response) => {
    forwarded.push(new URL(request.url ?? '/', 'http://front'));
    if (oversize) {
      response.writeHead(200, { 'content-type': 'application/dicom+json' });
      response.on('error', () => {});
      response.write('[');
      for (let i = 0; i < 40; i++) response.write(Buffer.alloc(1024 * 1024, 0x20));
      response.end(']');
      return;
    }
    fetch(`${orthanc.url}${request.url}`, { headers: { accept: request.headers.accept ?? '*/*', authorization: request.headers.authorization ?? '' } })
      .then(async (upstream) => {
        response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
        response.end(Buffer.from(await upstream.arrayBuffer()));
      })
      .catch(() => response.writeHead(502).end());
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  viaFront = { url: `http://127.0.0.1:${(front.address() as AddressInfo).port}/dicom-web`, username: orthanc.username, password: orthanc.password };
  process.env.PACS_DICOMWEB_URL = orthanc.dicomWebUrl;
  process.env.PACS_USERNAME = orthanc.username;
  process.env.PACS_PASSWORD = orthanc.password;
  resetEnvCache();
}, 120_000);

afterAll(async () => {
  for (const key of ['PACS_DICOMWEB_URL', 'PACS_USERNAME', 'PACS_PASSWORD', 'KONSIL_STORAGE_DIR']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvCache();
  front?.closeAllConnections();
  await new Promise((resolve) => (front ? front.close(resolve) : resolve(undefined)));
  await orthanc?.stop();
});

const instancePath = (file: WorldFile) => `studies/${file.studyUid}/series/${file.seriesUid}/instances/${file.sopUid}`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const LOCAL = null;

describe('QIDO-RS through the PACS', () => {
  it('lists exactly the studies Konsil would list itself, with URLs pointing at Konsil', async () => {
    const viaPacs = await json(await callDicomweb(world.member, 'studies'));
    const local = await json(await callDicomweb(world.member, 'studies', undefined, LOCAL));
    expect(viaPacs.map((s) => value(s, '0020000D')).sort()).toEqual(local.map((s) => value(s, '0020000D')).sort());
    expect(viaPacs.map((s) => value(s, '0020000D'))).not.toContain(unknownStudyUid);
    for (const study of viaPacs) expect(value(study, '00081190')).toBe(`${BASE}/studies/${value(study, '0020000D')}`);
  });

  it('cuts another clinician’s answer to their own patient’s study', async () => {
    const theirs = (await json(await callDicomweb(world.outsider, 'studies'))).map((s) => value(s, '0020000D'));
    expect(theirs).toEqual([world.otherFile.studyUid]);
  });

  it('filters the PACS’s answer when the client names the studies itself (no narrowing by Konsil)', async () => {
    const both = `${world.files.ctExplicitLittle.studyUid},${world.otherFile.studyUid},${unknownStudyUid}`;
    expect((await json(await callDicomweb(world.outsider, `studies?StudyInstanceUID=${both}`))).map((s) => value(s, '0020000D'))).toEqual([world.otherFile.studyUid]);
    expect((await json(await callDicomweb(world.member, `studies?StudyInstanceUID=${both}`))).map((s) => value(s, '0020000D'))).toEqual([world.files.ctExplicitLittle.studyUid]);
    const series = await json(await callDicomweb(world.outsider, `series?StudyInstanceUID=${both}`));
    expect(series.map((s) => value(s, '0020000D'))).toEqual([world.otherFile.studyUid]);
  });

  it('filters all-series and all-instances searches to visible studies too', async () => {
    const series = await json(await callDicomweb(world.outsider, 'series'));
    expect(series.map((s) => value(s, '0020000D'))).toEqual([world.otherFile.studyUid]);
    const instances = await json(await callDicomweb(world.member, `instances?SOPInstanceUID=${world.otherFile.sopUid}`));
    expect(instances).toEqual([]);
  });

  it('pages the filtered answer with limit and offset', async () => {
    const all = (await json(await callDicomweb(world.member, 'studies'))).map((s) => value(s, '0020000D'));
    const page = (await json(await callDicomweb(world.member, 'studies?limit=2&offset=1'))).map((s) => value(s, '0020000D'));
    expect(page).toEqual(all.slice(1, 3));
  });

  it('searches under a study in scope, and answers 404 for one that is not', async () => {
    const ct = world.files.ctExplicitLittle;
    const [series] = await json(await callDicomweb(world.member, `studies/${ct.studyUid}/series`));
    expect(value(series, '0020000E')).toBe(ct.seriesUid);
    expect(value(series, '00081190')).toBe(`${BASE}/studies/${ct.studyUid}/series/${ct.seriesUid}`);
    expect((await callDicomweb(world.outsider, `studies/${ct.studyUid}/series`)).status).toBe(404);
    expect((await callDicomweb(world.member, `studies/${unknownStudyUid}/series`)).status).toBe(404);
  });
});

describe('QIDO-RS through the PACS under one study', () => {
  const uidsOf = async (path: string, tag: string, pacs?: PacsConfig) => (await json(await callDicomweb(world.member, path, undefined, pacs))).map((dataset) => value(dataset, tag));

  it('answers for the path’s study only, whatever StudyInstanceUID the query names', async () => {
    const ct = world.files.ctExplicitLittle;
    // The stranger's study is in the PACS but not in Konsil's index: the query must not reach it.
    expect(await uidsOf(`studies/${ct.studyUid}/series?StudyInstanceUID=${unknownStudyUid}`, '0020000E')).toEqual([]);
    expect(await uidsOf(`studies/${ct.studyUid}/series?0020000d=${unknownStudyUid}`, '0020000E')).toEqual([]);
    expect(await uidsOf(`studies/${ct.studyUid}/instances?StudyInstanceUID=${unknownStudyUid}`, '00080018')).toEqual([]);
    expect(await uidsOf(`studies/${ct.studyUid}/series?StudyInstanceUID=${unknownStudyUid},${ct.studyUid}`, '0020000E')).toEqual([ct.seriesUid]);
    expect(await uidsOf(`studies/${ct.studyUid}/series?StudyInstanceUID=*`, '0020000E')).toEqual([ct.seriesUid]);
    // Every result names its study.
    for (const series of await json(await callDicomweb(world.member, `studies/${ct.studyUid}/series`))) expect(value(series, '0020000D')).toBe(ct.studyUid);
  });

  it('answers for the path’s series only, whatever SeriesInstanceUID the query names', async () => {
    const ct = world.files.ctExplicitLittle;
    expect(await uidsOf(`studies/${ct.studyUid}/series/${ct.seriesUid}/instances?SeriesInstanceUID=${unknownSeriesUid}`, '00080018')).toEqual([]);
    expect(await uidsOf(`studies/${ct.studyUid}/series/${ct.seriesUid}/instances?SeriesInstanceUID=${ct.seriesUid}`, '00080018')).toEqual([ct.sopUid]);
    // Under a study only, SeriesInstanceUID is an ordinary matching key.
    expect(await uidsOf(`studies/${ct.studyUid}/instances?SeriesInstanceUID=${ct.seriesUid}`, '00080018')).toEqual([ct.sopUid]);
  });

  it('sends the PACS no UID the path fixes, asks for the study UID and a limit', async () => {
    const ct = world.files.ctExplicitLittle;
    forwarded.length = 0;
    await uidsOf(`studies/${ct.studyUid}/series/${ct.seriesUid}/instances?StudyInstanceUID=${ct.studyUid}&SeriesInstanceUID=${ct.seriesUid}&InstanceNumber=1`, '00080018', viaFront);
    const [sent] = forwarded;
    expect(sent!.pathname).toBe(`/dicom-web/studies/${ct.studyUid}/series/${ct.seriesUid}/instances`);
    expect(sent!.searchParams.has('StudyInstanceUID')).toBe(false);
    expect(sent!.searchParams.has('SeriesInstanceUID')).toBe(false);
    expect(sent!.searchParams.get('InstanceNumber')).toBe('1');
    expect(sent!.searchParams.getAll('includefield')).toContain('0020000D');
    expect(sent!.searchParams.get('limit')).toBe('5000');
  });
});

describe('QIDO-RS through the PACS: bounded answers', () => {
  it('forwards a limit when the client gives none, and the client’s page (plus one) when it does', async () => {
    const ct = world.files.ctExplicitLittle;
    forwarded.length = 0;
    await callDicomweb(world.member, 'studies', undefined, viaFront);
    await callDicomweb(world.member, 'studies?limit=2&offset=1', undefined, viaFront);
    await callDicomweb(world.member, `studies/${ct.studyUid}/series?limit=3&offset=1`, undefined, viaFront);
    expect(forwarded.map((url) => [url.searchParams.get('limit'), url.searchParams.get('offset')])).toEqual([
      ['1001', null],
      ['4', null],
      ['3', '1'],
    ]);
  });

  it('refuses a PACS answer too large to hold with 502, not by running out of memory', async () => {
    oversize = true;
    try {
      for (const path of ['studies', `studies/${world.files.ctExplicitLittle.studyUid}/series`]) {
        const response = await callDicomweb(world.member, path, undefined, viaFront);
        expect(response.status, path).toBe(502);
        expect((await response.json()).message, path).toMatch(/more than 32 MB/);
      }
    } finally {
      oversize = false;
    }
  });
});

describe('WADO-RS through the PACS', () => {
  it('serves metadata with BulkDataURIs rewritten onto Konsil, and following one gives the same pixels as the store', async () => {
    const ct = world.files.ctExplicitLittle;
    const [metadata] = await json(await callDicomweb(world.member, `${instancePath(ct)}/metadata`));
    expect(value(metadata, '00080018')).toBe(ct.sopUid);
    const bulk = metadata!['7FE00010']!.BulkDataURI!;
    expect(bulk.startsWith(`${BASE}/${instancePath(ct)}/`)).toBe(true);
    const [viaPacs] = await parts(await callDicomweb(world.member, bulk.slice(BASE.length + 1), CORNERSTONE_FRAMES));
    const [local] = await parts(await callDicomweb(world.member, `${instancePath(ct)}/frames/1`, CORNERSTONE_FRAMES, LOCAL));
    expect(viaPacs!.bytes).toEqual(local!.bytes);
  });

  const frameCases = [
    ['explicit VR little endian', 'mrExplicitLittle', CORNERSTONE_FRAMES],
    ['implicit VR little endian', 'implicitLittle', CORNERSTONE_FRAMES],
    // Orthanc 1.10 answers 500 to transfer-syntax=* for big-endian frames; little endian by name works (and is what Konsil sends for *).
    ['explicit VR big endian (as little endian)', 'explicitBig', 'multipart/related; type="application/octet-stream"'],
    ['16-frame native', 'multiFrameNative', CORNERSTONE_FRAMES],
    ['RLE', 'rle', CORNERSTONE_FRAMES],
    ['JPEG baseline', 'jpegBaseline', CORNERSTONE_FRAMES],
    ['JPEG extended', 'jpegExtended', CORNERSTONE_FRAMES],
    ['JPEG lossless', 'jpegLossless', CORNERSTONE_FRAMES],
    ['JPEG-LS', 'jpegLs', CORNERSTONE_FRAMES],
    ['JPEG 2000', 'jpeg2000', CORNERSTONE_FRAMES],
  ] as const;

  it.each(frameCases)('%s: the PACS’s frames are the store’s frames', async (_name, key, accept) => {
    const file = world.files[key];
    const frames = key === 'multiFrameNative' ? '1,16' : key === 'jpegBaseline' ? '1,96' : '1';
    const response = await callDicomweb(world.member, `${instancePath(file)}/frames/${frames}`, accept);
    // Orthanc's multipart, not Konsil's: the proxy really answered.
    expect(response.headers.get('content-type')).not.toContain('boundary=konsil-');
    const viaPacs = await parts(response);
    const local = await parts(await callDicomweb(world.member, `${instancePath(file)}/frames/${frames}`, accept, LOCAL));
    expect(viaPacs.length).toBe(local.length);
    viaPacs.forEach((part, i) => expect(part.bytes, `frame ${i + 1}`).toEqual(local[i]!.bytes));
  });

  it('retrieves instances with the same bytes as the store, by WADO-RS and WADO-URI', async () => {
    for (const file of [world.files.jpeg2000, world.files.explicitBig, world.files.rle]) {
      const [part] = await parts(await callDicomweb(world.member, instancePath(file), ANY_DICOM));
      expect(sha256(part!.bytes), file.key).toBe(file.sha256);
      const uri = await callDicomweb(world.member, `wado?requestType=WADO&studyUID=${file.studyUid}&seriesUID=${file.seriesUid}&objectUID=${file.sopUid}&contentType=application%2Fdicom`);
      expect(uri.headers.get('content-type')).toBe('application/dicom');
      expect(sha256(new Uint8Array(await uri.arrayBuffer())), file.key).toBe(file.sha256);
    }
  });
});

describe('scope and audit through the PACS', () => {
  it('answers 404 for studies outside the scope, and for studies Konsil does not know, whatever the PACS holds', async () => {
    const ct = world.files.ctExplicitLittle;
    for (const path of [`${instancePath(ct)}/metadata`, `${instancePath(ct)}/frames/1`, instancePath(ct), `wado?requestType=WADO&studyUID=${ct.studyUid}&seriesUID=${ct.seriesUid}&objectUID=${ct.sopUid}`]) {
      expect((await callDicomweb(world.outsider, path, CORNERSTONE_FRAMES)).status, path).toBe(404);
    }
    expect((await callDicomweb(world.member, `studies/${unknownStudyUid}/metadata`)).status).toBe(404);
    expect((await callDicomweb(world.member, `studies/${unknownStudyUid}`, ANY_DICOM)).status).toBe(404);
  });

  it('audits every read with source "pacs" and the patient', async () => {
    const file = world.files.jpegLs;
    const before = await db().auditEvent.count({ where: { actorId: world.member.id, action: 'imaging.read', patientId: world.patientId } });
    await (await callDicomweb(world.member, `${instancePath(file)}/frames/1`, CORNERSTONE_FRAMES)).arrayBuffer();
    await (await callDicomweb(world.member, `${instancePath(file)}/metadata`)).arrayBuffer();
    await (await callDicomweb(world.member, `studies?StudyInstanceUID=${file.studyUid}`)).arrayBuffer();
    const events = await db().auditEvent.findMany({ where: { actorId: world.member.id, action: 'imaging.read', patientId: world.patientId }, orderBy: { id: 'desc' }, take: 3 });
    expect(await db().auditEvent.count({ where: { actorId: world.member.id, action: 'imaging.read', patientId: world.patientId } })).toBe(before + 3);
    expect(events.map((e) => (e.detail as { level: string }).level)).toEqual(['studies', 'metadata', 'frames']);
    for (const event of events) expect(event.detail).toMatchObject({ source: 'pacs', studyInstanceUid: file.studyUid });
  });

  it('tells the client when the PACS is down (502), without revealing anything about out-of-scope studies first', async () => {
    const down = { url: `http://127.0.0.1:${await freePort()}/dicom-web` };
    const file = world.files.ctExplicitLittle;
    const response = await callDicomweb(world.member, `${instancePath(file)}/metadata`, undefined, down);
    expect(response.status).toBe(502);
    expect((await response.json()).message).toMatch(/could not be reached/);
    expect((await callDicomweb(world.outsider, `${instancePath(file)}/metadata`, undefined, down)).status).toBe(404);
  });
});
