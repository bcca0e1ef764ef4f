// Node side of the plan-file extraction (shared/import/extract): reads a file from disk and opens
// PDFs with pdf.js's legacy build (the one meant for Node) in a worker thread of plain Node
// (pdf-text.worker.mjs), started only when a PDF arrives.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type Extracted, extractPlanText, type PdfDocumentLike } from '../../shared/import/extract';

interface PdfText {
  pages?: Array<{ viewport: number[]; items: object[] }>;
  error?: { name: string; message: string };
}

export async function openPdfNode(bytes: Uint8Array): Promise<PdfDocumentLike> {
  const result = await new Promise<PdfText>((resolve, reject) => {
    // execArgv [] keeps tsx's loader out of the thread: pdf.js is plain JavaScript.
    const worker = new Worker(new URL('./pdf-text.worker.mjs', import.meta.url), { workerData: { bytes }, execArgv: [] });
    worker.once('message', (m: PdfText) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`pdf.js worker exited with ${code}`)));
  });
  if (result.error || !result.pages) throw Object.assign(new Error(result.error?.message ?? 'no pages'), { name: result.error?.name ?? 'Error' });
  const pages = result.pages;
  return {
    numPages: pages.length,
    getPage: async (n) => ({
      getTextContent: async () => ({ items: pages[n - 1]!.items }),
      getViewport: () => ({ transform: pages[n - 1]!.viewport }),
    }),
  };
}

/** Reads a plan file of any accepted format into plan text; throws ExtractError on refusal. */
export function readPlanFile(path: string): Promise<Extracted> {
  return extractPlanText(new Uint8Array(readFileSync(path)), basename(path), { openPdf: openPdfNode });
}
