// .docx and .xlsx built by the test (WordprocessingML / SpreadsheetML zipped with fflate).
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractPlanText } from '../../../shared/import/extract';
import { docxBlocks } from '../../../shared/import/extract/docx';
import { renderBlocks } from '../../../shared/import/extract/blocks';
import { MERGED_PLAN, SAMPLE_PLAN, writeDocx, writeXlsx } from '../../support/plan-docs';

const TABLE = [
  '序号\t工作任务\t牵头单位\t责任单位\t完成时限',
  '1\t新开工重点产业项目50个，完成投资120亿元，其中制造业项目不少于30个，全年完成工业投资150亿元\t区发改委\t区住建局、区资规分局、区商务局、区科技局\t6月底前',
  '2\t推进城市更新项目10个\t区住建局\t各镇（街道）\t12月底前',
  '3\t完成老旧小区改造30个\t区住建局\t区城管局\t9月底前',
  '4\t新增城镇就业岗位1.5万个\t区人社局\t区财政局\t12月底前',
  '5\t建成口袋公园8个\t区城管局\t各镇（街道）、区住建局\t10月底前',
];

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => `<w:document ${W}><w:body>${body}</w:body></w:document>`;
const numbering = (lvls: string) => `<w:numbering ${W}><w:abstractNum w:abstractNumId="7">${lvls}</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>`;
const lvl = (ilvl: number, fmt: string, text: string) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
const np = (ilvl: number, text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

describe('.docx', () => {
  it('keeps the header paragraphs and the table as TAB rows, a vertical merge repeated, auto numbers written out', async () => {
    const r = await extractPlanText(writeDocx(MERGED_PLAN, { autoNumber: true }), '方案.docx');
    expect(r.format).toBe('docx');
    expect(r.warnings).toEqual([]);
    expect(r.text.split('\n')).toEqual([...MERGED_PLAN.header, ...TABLE]);
  });

  it('gives a horizontal merge its text in the first cell and an empty cell for the rest', async () => {
    const r = await extractPlanText(writeDocx(SAMPLE_PLAN), '方案.docx');
    expect(r.text.split('\n')).toContain('3\t完成老旧小区改造30个\t区住建局\t\t9月底前');
  });

  it('restores multi-level Chinese numbering, skips hidden and deleted text, joins a cell’s line breaks', () => {
    const body =
      np(0, '经济发展') +
      np(1, '推进项目建设') +
      np(1, '扩大有效投资') +
      np(0, '社会民生') +
      np(1, '稳定就业') +
      '<w:p><w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins><w:r><w:t>插入</w:t></w:r></w:ins></w:p>' +
      '<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>区发改委、</w:t><w:br/><w:t>区财政局</w:t></w:r></w:p><w:p><w:r><w:t>区住建局</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>6月</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
    const { blocks, warnings } = docxBlocks({
      document: doc(body),
      numbering: numbering(lvl(0, 'chineseCounting', '%1、') + lvl(1, 'decimal', '%2.')),
    });
    expect(warnings).toEqual([]);
    expect(renderBlocks(blocks)).toEqual([
      '一、经济发展',
      '1.推进项目建设',
      '2.扩大有效投资',
      '二、社会民生',
      '1.稳定就业',
      '可见插入',
      '\t区发改委、区财政局区住建局\t6月',
    ]);
  });

  it('writes (一) style and circled numbers, and warns when a numbering definition is missing', () => {
    const { blocks } = docxBlocks({ document: doc(np(0, '甲') + np(0, '乙') + np(1, '丙')), numbering: numbering(lvl(0, 'chineseCounting', '（%1）') + lvl(1, 'decimalEnclosedCircle', '%2')) });
    expect(renderBlocks(blocks)).toEqual(['（一）甲', '（二）乙', '①丙']);
    const missing = docxBlocks({ document: doc(np(0, '任务')) });
    expect(renderBlocks(missing.blocks)).toEqual(['任务']);
    expect(missing.warnings.join()).toContain('自动编号无法还原');
  });
});

describe('.xlsx', () => {
  it('chooses the 台账 sheet by content, spreads merged cells, drops the empty column', async () => {
    const r = await extractPlanText(writeXlsx(MERGED_PLAN), '台账.xlsx');
    expect(r.format).toBe('xlsx');
    expect(r.warnings).toEqual(['工作簿有 2 个工作表，已读取“任务台账”（“说明”未读取）']);
    expect(r.text.split('\n')).toEqual([...MERGED_PLAN.header.map((h) => `${h}\t\t\t\t`), ...TABLE]);
  });

  it('reads rich shared strings, dates, percentages, booleans and line breaks in a cell', async () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="inlineStr"><is><t>完成时限</t></is></c><c r="E2" t="inlineStr"><is><t>占比</t></is></c></row>
      <row r="3"><c r="B3"><v>1</v></c><c r="C3" t="inlineStr"><is><t>推进城市
更新</t></is></c><c r="D3" s="1"><v>45838</v></c><c r="E3" s="2"><v>0.155</v></c><c r="F3" t="b"><v>1</v></c></row>
    </sheetData></worksheet>`;
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="10"/></cellXfs></styleSheet>`;
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>序号</t></si><si><r><t>工作</t></r><r><rPr><b/></rPr><t>任务</t></r><rPh><t>ニンム</t></rPh></si></sst>`;
    const bytes = zipSync({
      'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="/xl/worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
      'xl/sharedStrings.xml': strToU8(sst),
      'xl/styles.xml': strToU8(styles),
    });
    const r = await extractPlanText(bytes, 'a.xlsx');
    expect(r.text.split('\n')).toEqual(['序号\t工作任务\t完成时限\t占比\t', '1\t推进城市更新\t2025年6月30日\t15.5%\tTRUE']);
  });
});
