// The photo Worker: one photo per message, answers with the bytes transferred (not copied).
import { PhotoError } from './pipeline';
import { processOffscreen } from './offscreen';
import type { WatermarkInfo } from './watermark';

export interface PhotoJob {
  id: number;
  file: Blob;
  wm: WatermarkInfo;
  jpeg: boolean;
}
export type PhotoReply =
  | { id: number; ok: true; photo: Awaited<ReturnType<typeof processOffscreen>> }
  | { id: number; ok: false; message: string; photoError: boolean };

const scope = self as unknown as { onmessage: ((ev: MessageEvent<PhotoJob>) => void) | null; postMessage(msg: PhotoReply, transfer?: Transferable[]): void };

scope.onmessage = async (ev) => {
  const { id, file, wm, jpeg } = ev.data;
  try {
    const photo = await processOffscreen(file, wm, jpeg);
    scope.postMessage({ id, ok: true, photo }, [photo.full, photo.thumb]);
  } catch (e) {
    scope.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e), photoError: e instanceof PhotoError });
  }
};
