// Node side of the plan-file extraction (shared/import/extract): reads a file from disk and opens
// PDFs with pdf.js's legacy build (the one meant for Node), loaded only when a PDF arrives.
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { type Extracted, extractPlanText, type PdfDocumentLike } from '../../shared/import/extract';

export async function openPdfNode(bytes: Uint8Array): Promise<PdfDocumentLike & { destroy(): Promise<void> }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // CMaps let pdf.js decode text in non-embedded CJK fonts (STSong-Light with UniGB-UCS2-H).
  // pdf.js in Node reads them with fs.readFile(base + name): a folder path, not a file: URL.
  const root = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/`;
  const task = pdfjs.getDocument({
    data: bytes.slice(), // pdf.js transfers (detaches) the buffer it is given
    cMapUrl: `${root}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${root}standard_fonts/`,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  });
  return task.promise;
}

/** Reads a plan file of any accepted format into plan text; throws ExtractError on refusal. */
export function readPlanFile(path: string): Promise<Extracted> {
  return extractPlanText(new Uint8Array(readFileSync(path)), basename(path), { openPdf: openPdfNode });
}
