import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFromPacs, pacsFromEnv, readAll, type PacsConfig } from './pacs-fetch';

// A stand-in PACS that records what Konsil sends and misbehaves on request.
let server: http.Server;
let root: string;
const seen: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push(request.headers);
    const path = request.url ?? '';
    if (path.startsWith('/dicom-web/slow')) return; // never answers
    if (path.startsWith('/dicom-web/fail')) return void response.writeHead(500).end('database locked');
    if (path.startsWith('/dicom-web/auth')) return void response.writeHead(401).end();
    if (path.startsWith('/dicom-web/missing')) return void response.writeHead(404).end('Unknown resource');
    if (path.startsWith('/dicom-web/big')) {
      // 8 MB in 64 KB chunks, sent only as fast as they are read.
      response.writeHead(200, { 'content-type': 'application/dicom+json' });
      response.on('error', () => {});
      let sent = 0;
      const more = () => {
        while (sent < 128) {
          sent++;
          if (!response.write(Buffer.alloc(64 * 1024, 0x20))) return void response.once('drain', more);
        }
        response.end();
      };
      return more();
    }
    response.writeHead(200, { 'content-type': 'application/dicom+json' }).end(JSON.stringify({ path }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicom-web`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const pacs = (): PacsConfig => ({ url: root, username: 'konsil', password: 's3cret', responseTimeoutMs: 300 });

describe('fetchFromPacs', () => {
  it('sends Basic auth with Konsil’s PACS account and nothing of the user’s', async () => {
    seen.length = 0;
    const response = await fetchFromPacs(pacs(), 'studies', { query: new URLSearchParams({ PatientID: 'A&B' }), accept: 'application/dicom+json' });
    expect(JSON.parse(new TextDecoder().decode(await readAll(response, 1024)))).toEqual({ path: '/dicom-web/studies?PatientID=A%26B' });
    expect(seen[0]!.authorization).toBe(`Basic ${Buffer.from('konsil:s3cret').toString('base64')}`);
    expect(seen[0]!.cookie).toBeUndefined();
    expect(seen[0]!.accept).toBe('application/dicom+json');
  });

  it('turns a PACS that does not answer into a 502 that says so', async () => {
    await expect(fetchFromPacs(pacs(), 'slow', { accept: '*/*' })).rejects.toMatchObject({ status: 502, message: expect.stringMatching(/did not answer within 0.3 s/) });
  });

  it('turns PACS errors into 502 with the reason, and keeps 404 a 404', async () => {
    await expect(fetchFromPacs(pacs(), 'fail', { accept: '*/*' })).rejects.toMatchObject({ status: 502, message: expect.stringContaining('HTTP 500: database locked') });
    await expect(fetchFromPacs(pacs(), 'auth', { accept: '*/*' })).rejects.toMatchObject({ status: 502, message: expect.stringContaining('PACS_USERNAME') });
    await expect(fetchFromPacs(pacs(), 'missing', { accept: '*/*' })).rejects.toMatchObject({ status: 404 });
  });

  it('turns an unreachable PACS into a 502', async () => {
    await expect(fetchFromPacs({ url: 'http://127.0.0.1:1/dicom-web' }, 'studies', { accept: '*/*' })).rejects.toMatchObject({ status: 502, message: expect.stringContaining('could not be reached') });
  });
});

describe('readAll', () => {
  it('reads a body up to the cap', async () => {
    const response = await fetchFromPacs(pacs(), 'big', { accept: '*/*' });
    expect((await readAll(response, 8 * 1024 * 1024)).length).toBe(8 * 1024 * 1024);
  });

  it('stops reading past the cap with a 502 that says why', async () => {
    const response = await fetchFromPacs(pacs(), 'big', { accept: '*/*' });
    await expect(readAll(response, 1024 * 1024, 'this search')).rejects.toMatchObject({ status: 502, message: expect.stringContaining('more than 1 MB for this search') });
  });

  it('reads an empty answer as no bytes', async () => {
    expect(await readAll({ status: 204, headers: new Headers(), body: null }, 10)).toEqual(new Uint8Array(0));
  });
});

describe('pacsFromEnv', () => {
  it('is off without PACS_DICOMWEB_URL and trims the trailing slash', () => {
    expect(pacsFromEnv({})).toBeNull();
    expect(pacsFromEnv({ PACS_DICOMWEB_URL: 'http://pacs/dicom-web/' })?.url).toBe('http://pacs/dicom-web');
  });
});
