// Reading an uploaded photo: the size limit is enforced while the bytes arrive (a lying or
// missing Content-Length changes nothing), then the checksum, the magic bytes and the pixel
// size are checked before anything is stored.
import { CONTENT_SHA256_HEADER } from '../../../shared/labels';
import { sha256Hex } from './crypto';
import { ApiError, badRequest, tooLarge } from './errors';
import { isPixelFlood, readImageInfo, type ImageInfo, type PhotoType } from './image';

const TYPE_LABEL: Record<PhotoType, string> = { 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
}

export const unsupportedMedia = (message: string) => new ApiError(415, 'unsupported_media_type', message);

/** Reads a request body into memory, refusing it as soon as it passes `max` bytes. */
export async function readLimited(body: ReadableStream<Uint8Array> | null, max: number, tooLargeMessage: string): Promise<Uint8Array<ArrayBuffer>> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch {
      // The connection broke mid-upload: nothing was stored, the phone retries the whole photo
      // (same retryable code as a checksum that does not match what arrived).
      throw new ApiError(400, 'checksum_mismatch', '上传中断，请重试');
    }
    if (result.done) break;
    total += result.value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge(tooLargeMessage);
    }
    chunks.push(result.value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export interface CheckedImage extends ImageInfo {
  bytes: Uint8Array<ArrayBuffer>;
  sha256: string;
  size: number;
}

/**
 * Reads and checks one photo upload. Order matters for the phone: a declared type we do not take
 * (415) and an early Content-Length over the limit (413) are refused before reading.
 */
export async function readPhotoUpload(req: Request, max: number): Promise<CheckedImage> {
  const declaredType = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (declaredType !== 'image/jpeg' && declaredType !== 'image/webp') {
    throw unsupportedMedia('只接受 JPEG 或 WebP 格式的照片');
  }
  const expectedSha = (req.headers.get(CONTENT_SHA256_HEADER) ?? '').trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(expectedSha)) {
    throw badRequest(`缺少或错误的 ${CONTENT_SHA256_HEADER} 校验头`, { [CONTENT_SHA256_HEADER]: '应为 64 位十六进制 SHA-256' });
  }
  const tooLargeMessage = `照片不能超过 ${formatBytes(max)}`;
  const length = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(length) && length > max) throw tooLarge(tooLargeMessage);

  const bytes = await readLimited(req.body, max, tooLargeMessage);
  if (bytes.byteLength === 0) throw badRequest('照片内容为空');
  const sha256 = await sha256Hex(bytes);
  if (sha256 !== expectedSha) {
    // Usually a cut-off transfer: a clear, retryable error, and nothing stored.
    throw new ApiError(400, 'checksum_mismatch', '照片校验值不符，上传可能中断，请重试', undefined, {
      expected: expectedSha,
      actual: sha256,
      size: bytes.byteLength,
    });
  }
  const info = readImageInfo(bytes);
  if (!info || info.type !== declaredType) {
    throw unsupportedMedia(`文件内容不是有效的 ${TYPE_LABEL[declaredType]} 图片`);
  }
  if (isPixelFlood(info)) {
    throw tooLarge(`照片像素过大（${info.width}×${info.height}），请压缩后再上传`);
  }
  return { ...info, bytes, sha256, size: bytes.byteLength };
}
