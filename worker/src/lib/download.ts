// File downloads from the API: a Content-Disposition that keeps a Chinese file name (RFC 6266 /
// RFC 5987) with an ASCII fallback, and no caching (lists may carry one-time passwords).
import type { TypedResponse } from 'hono';

export function contentDisposition(fileName: string, asciiFallback = 'download'): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A file answer, typed as a body (not JSON) so the PWA's typed client tells it from c.json(...). */
export type FileResponse = Response & TypedResponse<Blob, 200, 'body'>;

export function fileResponse(body: Uint8Array | string, opts: { fileName: string; asciiName: string; contentType: string; headers?: Record<string, string> }): FileResponse {
  const bytes = (typeof body === 'string' ? new TextEncoder().encode(body) : body) as Uint8Array<ArrayBuffer>;
  const res = new Response(bytes, {
    headers: {
      'content-type': opts.contentType,
      'content-disposition': contentDisposition(opts.fileName, opts.asciiName),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...opts.headers,
    },
  });
  return res as FileResponse;
}
