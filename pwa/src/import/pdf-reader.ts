// pdf.js for the import screen, in its own lazily loaded chunk (with its worker file): the field
// app never downloads it, and the service worker does not precache it (vite.config.ts). The
// legacy build runs on the older WebKit/Chromium of office PCs and in-app browsers.
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import type { PdfDocumentLike } from '../../../shared/import/extract';

GlobalWorkerOptions.workerSrc = workerUrl;

export async function openPdf(bytes: Uint8Array): Promise<PdfDocumentLike & { destroy(): Promise<void> }> {
  return getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
}
