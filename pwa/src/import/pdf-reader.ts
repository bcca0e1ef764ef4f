// pdf.js for the import screen, in its own lazily loaded chunk (with its worker file): the field
// app never downloads it, and the service worker does not precache it (vite.config.ts). The
// legacy build runs on the older WebKit/Chromium of office PCs and in-app browsers.
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import type { PdfDocumentLike } from '../../../shared/import/extract';

GlobalWorkerOptions.workerSrc = workerUrl;

// The predefined Chinese (GB) CMaps: PDFs in a non-embedded font (STSong-Light with
// UniGB-UCS2-H, as older report generators write them) cannot be read without them. Emitted as
// separate files (33 files, 384 kB) and fetched only when a PDF names one.
const GB_CMAPS = new Map(
  Object.entries(import.meta.glob<string>('../../../node_modules/pdfjs-dist/cmaps/*GB*.bcmap', { query: '?url&no-inline', import: 'default', eager: true })).map(
    ([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url],
  ),
);

/** pdf.js's BinaryDataFactory contract: fetch({ kind, filename }) → bytes. */
class BundledBinaryData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = kind === 'cMapUrl' ? GB_CMAPS.get(filename) : undefined;
    if (!url) throw new Error(`${kind} ${filename} is not bundled`);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocumentLike & { destroy(): Promise<void> }> {
  return getDocument({
    data: bytes.slice(), // pdf.js transfers (detaches) the buffer it is given
    BinaryDataFactory: BundledBinaryData,
    useWorkerFetch: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
}
