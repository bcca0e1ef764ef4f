// Reads a PDF's text layer with pdf.js in a worker thread of plain Node (no tsx): under tsx the
// 1.6 MB of pdf.js is transformed on every run, which alone cost the import CLI most of its 2 s.
// In: workerData.bytes. Out: { pages: [{ viewport, items }] } or { error: { name, message } }.
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);

// pdf.js's Node build requires @napi-rs/canvas (a native module, 0.5–1 s to load) as it is
// imported, only to polyfill DOMMatrix/ImageData/Path2D for rendering; text needs none of it.
const load = Module._load;
const inert = { DOMMatrix: class DOMMatrix {}, ImageData: class ImageData {}, Path2D: class Path2D {} };
Module._load = function (request, ...rest) {
  return request === '@napi-rs/canvas' ? inert : load.call(this, request, ...rest);
};
let pdfjs;
try {
  pdfjs = await import('pdfjs-dist/legacy/build/pdf.min.mjs');
} finally {
  Module._load = load;
}
pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.min.mjs')).href;
// CMaps let pdf.js decode text in non-embedded CJK fonts (STSong-Light with UniGB-UCS2-H); in
// Node it reads them with fs.readFile(base + name): a folder path, not a file: URL.
const root = `${dirname(require.resolve('pdfjs-dist/package.json'))}/`;

try {
  const doc = await pdfjs.getDocument({
    data: workerData.bytes,
    cMapUrl: `${root}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${root}standard_fonts/`,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items = content.items.filter((i) => 'str' in i).map(({ str, transform, width, height }) => ({ str, transform, width, height }));
    pages.push({ viewport: page.getViewport({ scale: 1 }).transform, items });
    page.cleanup();
  }
  await doc.destroy();
  parentPort.postMessage({ pages });
} catch (e) {
  parentPort.postMessage({ error: { name: String(e?.name ?? 'Error'), message: String(e?.message ?? e) } });
}
