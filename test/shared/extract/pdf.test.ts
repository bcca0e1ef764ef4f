import { describe, expect, it } from 'vitest';
import { ExtractError, extractPlanText, SCANNED_PDF_MESSAGE } from '../../../shared/import/extract';
import { layoutPage, pdfDocumentLines, type PositionedText } from '../../../shared/import/extract/pdf-layout';
import { normaliseRadicals } from '../../../shared/import/extract/radicals';
import { openPdfNode } from '../../../worker/cli/read-plan-file';
import { cjkPdf, imageOnlyPdf, textPdf } from '../../support/pdf-write';

/** A CJK text item: width = one em per character. */
const t = (str: string, x: number, y: number, size = 10): PositionedText => ({ str, x, y, size, width: str.length * size });

describe('PDF text layout', () => {
  it('groups items into lines top to bottom and splits a line into cells at wide gaps', () => {
    const items = [t('工作任务', 100, 700), t('序号', 40, 700), t('牵头单位', 300, 700), t('1', 40, 680), t('推进', 100, 680), t('城市更新', 120, 680.5), t('区住建局', 300, 680), t('一、总体要求', 40, 740)];
    expect(layoutPage(items)).toEqual(['一、总体要求', '序号\t工作任务\t牵头单位', '1\t推进城市更新\t区住建局']);
  });

  it('keeps a row together when a cell wraps, and a wrapped header (序/号) too', () => {
    const items = [
      t('序', 40, 700), t('工作任务', 100, 700), t('牵头单', 300, 700),
      t('号', 40, 688), t('位', 300, 688),
      t('1', 40, 670), t('新开工重点产业项目50', 100, 670), t('区发改', 300, 670),
      t('个，完成投资120亿元', 100, 658), t('委', 300, 658),
      t('2', 40, 640), t('推进城市更新', 100, 640), t('区住建局', 300, 640),
    ];
    expect(layoutPage(items)).toEqual(['序号\t工作任务\t牵头单位', '1\t新开工重点产业项目50个，完成投资120亿元\t区发改委', '2\t推进城市更新\t区住建局']);
  });

  it('keeps columns in place when a row has an empty or merged cell', () => {
    const items = [
      t('序号', 40, 700), t('工作任务', 100, 700), t('牵头单位', 300, 700), t('完成时限', 400, 700),
      t('1', 40, 680), t('推进', 100, 680), t('6月底前', 400, 680),
      t('2', 40, 660), t('建设', 100, 660), t('区住建局', 300, 660), t('9月底前', 400, 660),
    ];
    expect(layoutPage(items)).toEqual(['序号\t工作任务\t牵头单位\t完成时限', '1\t推进\t\t6月底前', '2\t建设\t区住建局\t9月底前']);
  });

  it('does not join two columns when a merged cell’s centred text straddles their gutter', () => {
    const row = (n: number, y: number, lead: string, co: string) => [t(String(n), 40, y), t('任务', 100, y), t(lead, 300, y), t(co, 400, y)];
    const items = [
      ...row(1, 700, '区发改委', '区财政局'),
      ...row(2, 680, '区住建局', '区城管局'),
      t('3', 40, 660), t('任务', 100, 660), t('区住建局', 360, 660), // centred across 牵头 and 责任
      ...row(4, 640, '区人社局', '区财政局'),
      ...row(5, 620, '区城管局', '各镇'),
    ];
    expect(layoutPage(items)[2]).toBe('3\t任务\t区住建局\t');
  });

  it('keeps a row together when its cells are centred vertically, and leaves the paragraph after the table alone', () => {
    const items = [
      t('序号', 40, 700), t('工作任务', 150, 700), t('牵头单位', 300, 700),
      t('新开工重点产业项目', 100, 676),
      t('区发改委、', 300, 669.5),
      t('1', 40, 663), t('完成投资120亿元', 100, 663),
      t('区财政局', 300, 656.5),
      t('其中制造业30个', 100, 650),
      t('2', 40, 620), t('推进城市更新', 100, 620), t('区住建局', 300, 620),
      t('　　各单位要高度重视，认真抓好落实，确保各项任务按期完成。', 60, 590),
    ];
    expect(layoutPage(items)).toEqual([
      '序号\t工作任务\t牵头单位',
      '1\t新开工重点产业项目完成投资120亿元其中制造业30个\t区发改委、区财政局',
      '2\t推进城市更新\t区住建局',
      '各单位要高度重视，认真抓好落实，确保各项任务按期完成。',
    ]);
  });

  it('maps Kangxi and supplement radicals that CJK fonts put in ToUnicode back to the characters', () => {
    expect(normaliseRadicals('区⼈⺠政府⽂件，⻔⼾')).toBe('区人民政府文件，门户');
  });
});

describe('PDF pages', () => {
  /** A document whose pages hold these items (what pdf.js hands over, y upwards). */
  const doc = (pages: PositionedText[][]) => ({
    numPages: pages.length,
    getPage: async (n: number) => ({
      getTextContent: async () => ({ items: pages[n - 1]!.map((i) => ({ str: i.str, transform: [i.size, 0, 0, i.size, i.x, i.y], width: i.width, height: i.size })) }),
    }),
  });

  it('joins a table row broken by a page break, past the page number', async () => {
    const page1 = [t('1', 40, 100), t('推进城市', 100, 100), t('区住建', 300, 100), t('- 1 -', 200, 30)];
    const page2 = [t('更新', 100, 800), t('局', 300, 800), t('2', 40, 780), t('建设公园', 100, 780), t('区城管局', 300, 780)];
    const { lines } = await pdfDocumentLines(doc([page1, page2]));
    expect(lines.filter((l) => l.includes('\t'))).toEqual(['1\t推进城市更新\t区住建局', '2\t建设公园\t区城管局']);
  });
});

describe('PDF files (pdf.js, Node legacy build)', () => {
  /** A title and a two-row table; `top`/`wide`: the table's first baseline and its third column. */
  const table = (top: number, wide: number) => [
    { x: 40, y: top + 40, text: 'Work plan 2025' },
    ...[['No.', 'Task', 'Lead unit'], ['1', 'Build 50 projects', 'DRC']].flatMap((row, r) =>
      row.map((text, c) => ({ x: [40, 100, wide][c]!, y: top - 15 * r, text })),
    ),
  ];
  const TEXT = 'Work plan 2025\nNo.\tTask\tLead unit\n1\tBuild 50 projects\tDRC';

  it('reads the text layer of a PDF', async () => {
    const r = await extractPlanText(textPdf(table(760, 300)), 'plan.pdf', { openPdf: openPdfNode });
    expect(r).toEqual({ format: 'pdf', warnings: [], text: TEXT });
  });

  it('reads a landscape page made by /Rotate 90 (a wide task table) in reading order', async () => {
    const r = await extractPlanText(textPdf(table(500, 600), { rotate: 90 }), 'plan.pdf', { openPdf: openPdfNode });
    expect(r.text).toBe(TEXT);
  });

  it('refuses a scanned PDF (an image, no text layer) with the message, importing nothing', async () => {
    const e = await extractPlanText(imageOnlyPdf(), 'scan.pdf', { openPdf: openPdfNode }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ExtractError);
    expect((e as ExtractError).code).toBe('scanned_pdf');
    expect((e as ExtractError).message).toBe(SCANNED_PDF_MESSAGE);
  });

  it('says so when a PDF cannot be opened', async () => {
    const e = await extractPlanText(new TextEncoder().encode('%PDF-1.4\ngarbage'), 'bad.pdf', { openPdf: openPdfNode }).catch((err: unknown) => err);
    expect((e as ExtractError).code).toBe('damaged_file');
  });
});

describe('PDF in a non-embedded Chinese font', () => {
  it('reads STSong-Light text through pdf.js’s GB CMaps', async () => {
    const pdf = cjkPdf([{ x: 40, y: 800, text: '苏州市吴中区人民政府' }, { x: 40, y: 760, text: '序号' }, { x: 100, y: 760, text: '工作任务' }, { x: 40, y: 745, text: '1' }, { x: 100, y: 745, text: '推进城市更新' }]);
    const r = await extractPlanText(pdf, 'a.pdf', { openPdf: openPdfNode });
    expect(r.text).toBe('苏州市吴中区人民政府\n序号\t工作任务\n1\t推进城市更新');
  });
});
