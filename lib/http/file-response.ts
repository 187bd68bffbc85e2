// A stored file as a download response: the headers every document route sends (the file name
// is always ours, ASCII without quotes, never user text; never cached; the sha256 for checking).
export function fileResponse(file: { fileName: string; contentType: string; sha256: string; bytes: Uint8Array | string }): Response {
  const body = typeof file.bytes === 'string' ? Buffer.from(file.bytes, 'utf8') : Buffer.from(file.bytes);
  return new Response(body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Content-Length': String(body.byteLength),
      'Cache-Control': 'private, no-store',
      'X-Content-SHA256': file.sha256,
    },
  });
}
