// Minimal PDFs written byte by byte for tests: text in Helvetica at given positions (a text layer
// pdf.js can read), or a page holding only an image (what a scanner produces).
export interface PdfText {
  x: number;
  y: number;
  text: string;
  size?: number;
}

function assemble(objects: string[]): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

const stream = (content: string, dict = '') => `<< ${dict} /Length ${content.length} >>\nstream\n${content}\nendstream`;

/**
 * One A4 page with ASCII text items. `rotate: 90`: a landscape page made by turning a portrait
 * one (/Rotate 90), its text drawn turned so it reads upright when shown; x/y are then positions
 * on the landscape page as shown (842 wide, 595 high).
 */
export function textPdf(items: PdfText[], opts: { rotate?: 90 } = {}): Uint8Array {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  // /Rotate 90 turns the page clockwise: shown (X, Y) = user (uy, 595 - ux), so ux = 595 - Y, uy = X.
  const place = (t: PdfText) => (opts.rotate ? `0 1 -1 0 ${595 - t.y} ${t.x} Tm` : `1 0 0 1 ${t.x} ${t.y} Tm`);
  const content = items.map((t) => `BT /F1 ${t.size ?? 10} Tf ${place(t)} (${esc(t.text)}) Tj ET`).join('\n');
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]${opts.rotate ? ' /Rotate 90' : ''} /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    stream(content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** One page that only paints a 2×2 grey image: a scan without a text layer. */
export function imageOnlyPdf(): Uint8Array {
  const pixels = '\x80\x80\x80\x80';
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    stream('q 500 0 0 700 40 70 cm /Im1 Do Q'),
    stream(pixels, '/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8'),
  ]);
}

/**
 * One page of Chinese text in a non-embedded font with a predefined CMap (STSong-Light,
 * UniGB-UCS2-H), as older report generators write it: pdf.js needs its CMap files to read it.
 */
export function cjkPdf(items: PdfText[]): Uint8Array {
  const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const content = items.map((t) => `BT /F1 ${t.size ?? 10} Tf ${t.x} ${t.y} Td <${hex(t.text)}> Tj ET`).join('\n');
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(content),
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}
