// .docx → blocks: word/document.xml's paragraphs and tables (w:tbl/w:tr/w:tc with w:gridSpan and
// w:vMerge), automatic numbering restored from numbering.xml (see ./numbering.ts).
import { type Block, type Cell, type TableBlock } from './blocks';
import { Numbering } from './numbering';
import { child, isElement, parseXml, type XmlElement } from './xml';

/** Elements whose text is not part of the printed paragraph (deleted, hidden, drawings, fields). */
const SKIP = new Set(['w:pPr', 'w:rPr', 'w:del', 'w:moveFrom', 'w:drawing', 'w:pict', 'w:object', 'mc:AlternateContent', 'w:fldChar', 'w:instrText', 'w:delText', 'w:footnoteReference', 'w:endnoteReference', 'w:commentReference']);

function isHidden(run: XmlElement): boolean {
  const vanish = child(child(run, 'w:rPr'), 'w:vanish');
  return !!vanish && vanish.attrs['w:val'] !== 'false' && vanish.attrs['w:val'] !== '0';
}

function runText(el: XmlElement, out: string[]): void {
  for (const c of el.children) {
    if (!isElement(c) || SKIP.has(c.name)) continue;
    switch (c.name) {
      case 'w:t':
        out.push(c.children.filter((t): t is string => typeof t === 'string').join(''));
        break;
      case 'w:tab':
      case 'w:ptab':
        out.push(' ');
        break;
      case 'w:br':
      case 'w:cr':
        if (c.attrs['w:type'] !== 'page' && c.attrs['w:type'] !== 'column') out.push('\n');
        break;
      case 'w:noBreakHyphen':
        out.push('-');
        break;
      case 'w:r':
        if (!isHidden(c)) runText(c, out);
        break;
      default:
        runText(c, out); // hyperlinks, insertions, smart tags, simple fields, content controls
    }
  }
}

class DocxReader {
  readonly warnings: string[] = [];
  constructor(private readonly numbering: Numbering) {}

  paragraph(p: XmlElement): string {
    const out: string[] = [this.numbering.label(child(p, 'w:pPr'))];
    runText(p, out);
    return out.join('');
  }

  table(tbl: XmlElement): TableBlock {
    const rows: Cell[][] = [];
    for (const tr of this.rowsOf(tbl)) {
      const trPr = child(tr, 'w:trPr');
      const before = Number(child(trPr, 'w:gridBefore')?.attrs['w:val'] ?? 0);
      const row: Cell[] = [];
      if (before > 0) row.push({ blocks: [], colspan: before, rowspan: 1 });
      for (const tc of this.cellsOf(tr)) {
        const tcPr = child(tc, 'w:tcPr');
        const vMerge = child(tcPr, 'w:vMerge');
        row.push({
          blocks: this.blocks(tc),
          colspan: Math.max(1, Number(child(tcPr, 'w:gridSpan')?.attrs['w:val'] ?? 1) || 1),
          rowspan: 1,
          continues: !!vMerge && vMerge.attrs['w:val'] !== 'restart',
        });
      }
      rows.push(row);
    }
    return { rows };
  }

  /** Rows and cells may sit inside content controls or custom XML wrappers. */
  private rowsOf(tbl: XmlElement): XmlElement[] {
    return this.unwrap(tbl, 'w:tr');
  }
  private cellsOf(tr: XmlElement): XmlElement[] {
    return this.unwrap(tr, 'w:tc');
  }
  private unwrap(el: XmlElement, name: string): XmlElement[] {
    const out: XmlElement[] = [];
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.name === name) out.push(c);
      else if (c.name === 'w:sdt' || c.name === 'w:customXml' || c.name === 'w:sdtContent') out.push(...this.unwrap(c, name));
    }
    return out;
  }

  blocks(container: XmlElement): Block[] {
    const out: Block[] = [];
    for (const c of container.children) {
      if (!isElement(c)) continue;
      if (c.name === 'w:p') out.push(this.paragraph(c));
      else if (c.name === 'w:tbl') out.push(this.table(c));
      else if (c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml' || c.name === 'w:ins') out.push(...this.blocks(c));
    }
    return out;
  }
}

/**
 * Reads the body of a .docx whose parts are given (unzipped); `warnings` tell what could not be
 * restored faithfully.
 */
export function docxBlocks(parts: { document: string; numbering?: string; styles?: string }): { blocks: Block[]; warnings: string[] } {
  const doc = parseXml(parts.document);
  const body = child(child(doc, 'w:document'), 'w:body');
  const numbering = new Numbering(parts.numbering ? parseXml(parts.numbering) : undefined, parts.styles ? parseXml(parts.styles) : undefined);
  const reader = new DocxReader(numbering);
  const blocks = body ? reader.blocks(body) : [];
  const warnings = [...reader.warnings];
  if (numbering.missing > 0) warnings.push(`有 ${numbering.missing} 处自动编号无法还原（文档缺少编号定义），这些行的序号可能缺失，请核对`);
  if (numbering.unknownFormats.size > 0) warnings.push(`自动编号格式 ${[...numbering.unknownFormats].join('、')} 未能识别，已按阿拉伯数字写出，请核对序号`);
  return { blocks, warnings };
}
