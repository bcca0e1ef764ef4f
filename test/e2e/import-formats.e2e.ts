// docs/IMPORT.md, inputs: the admin imports the same small plan as a .docx (Word's automatic numbering
// in the 序号 column), an .xlsx (台账 sheet after a 说明 sheet, merged cells), a .pdf printed by
// Chromium from the HTML table (cells centred vertically, task 1 wrapping over lines), and an
// HTML paste (a paste event whose clipboard holds text/html) — and the preview holds the same
// items each time. Old binary formats and a scanned
// PDF get their message and change nothing. pdf.js is fetched only when a PDF is chosen.
// Screenshots: test-results/screens/import-*.png.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCANNED_PDF_MESSAGE } from '../../shared/import/extract';
import type { ParsedPlan } from '../../shared/schemas/import';
import { printPdf, SAMPLE_PLAN, writeDocx, writeHtml, writeXlsx } from '../support/plan-docs';
import { cjkPdf, imageOnlyPdf } from '../support/pdf-write';
import { launchBrowser, phoneContext, screenshot, signIn } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Preview {
  parsed: ParsedPlan;
}

const textarea = (page: Page) => page.getByRole('textbox', { name: '或粘贴文档内容' });

/** Clicks 预览 and returns what the preview was built from (the API's answer). */
async function preview(page: Page): Promise<Preview> {
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/imports/preview' && r.request().method() === 'POST');
  await page.getByRole('button', { name: '预览识别结果' }).click();
  const res = await response;
  expect(res.status()).toBe(200);
  await page.getByText('识别出').waitFor();
  return (await res.json()) as Preview;
}

async function uploadAndPreview(page: Page, name: string, mimeType: string, buffer: Uint8Array): Promise<Preview> {
  await textarea(page).fill('');
  await page.locator('input[type=file]').setInputFiles({ name, mimeType, buffer: Buffer.from(buffer) });
  await expect.poll(() => textarea(page).inputValue(), { timeout: 20_000 }).toContain('序号\t工作任务');
  return preview(page);
}

/** The fields of an item the clerk checks in the preview. */
const shape = (p: Preview) => p.parsed.items.map((it) => ({ kind: it.kind, number: it.number, text: it.text, leadUnits: it.leadUnits, coUnits: it.coUnits, deadline: it.deadline }));

describe('import: the same plan as .docx, .xlsx, .pdf and an HTML paste', () => {
  it('gives the same items from every format, and refuses old and scanned files with a message', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const pdfRequests: string[] = [];
    page.on('request', (r) => /pdf-reader|pdf\.worker/.test(r.url()) && pdfRequests.push(r.url()));
    await signIn(page, 'wuzhong-admin');
    await page.goto('/admin/import');
    await page.getByRole('heading', { name: '导入工作方案' }).waitFor();

    const docx = await uploadAndPreview(page, '相城区任务分解方案.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', writeDocx(SAMPLE_PLAN, { autoNumber: true }));
    await screenshot(page, 'import-docx');
    const xlsx = await uploadAndPreview(page, '任务台账.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', writeXlsx(SAMPLE_PLAN));
    await expect(page.getByText('已读取“任务台账”').textContent()).resolves.toContain('“说明”未读取');
    expect(pdfRequests).toEqual([]); // pdf.js is not loaded for other formats

    const printer = await context.newPage();
    const pdfBytes = await printPdf(printer, SAMPLE_PLAN, 'middle'); // cells centred vertically, Chromium's default
    await printer.close();
    const pdf = await uploadAndPreview(page, '相城区任务分解方案.pdf', 'application/pdf', pdfBytes);
    expect(pdfRequests.some((u) => u.includes('pdf-reader'))).toBe(true);

    await textarea(page).fill('');
    await textarea(page).evaluate((el, html) => {
      el.focus();
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', html.replace(/<[^>]+>/g, '\n'));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, `<meta charset="utf-8"><!--StartFragment-->${writeHtml(SAMPLE_PLAN)}<!--EndFragment-->`);
    await expect.poll(() => textarea(page).inputValue()).toContain('序号\t工作任务\t牵头单位\t责任单位\t完成时限');
    const pasted = await preview(page);
    await screenshot(page, 'import-paste');

    // The plan as the test wrote it: five tasks with their numbers, texts and lead units.
    const tasks = SAMPLE_PLAN.rows.slice(1);
    expect(docx.parsed.plan).toMatchObject({ issuer: '苏州市相城区人民政府', docNumber: '相政发〔2025〕8号', year: 2025 });
    expect(shape(docx).map((i) => i.number)).toEqual(tasks.map((r) => r[0]));
    expect(shape(docx).map((i) => i.text)).toEqual(tasks.map((r) => r[1]));
    expect(shape(docx).map((i) => i.leadUnits)).toEqual([['区发改委'], ['区住建局'], ['区住建局'], ['区人社局'], ['区城管局']]);
    for (const other of [xlsx, pdf, pasted]) {
      expect(other.parsed.plan).toEqual(docx.parsed.plan);
      expect(shape(other)).toEqual(shape(docx));
    }
    await expect(page.getByText('识别出').textContent()).resolves.toMatch(/5\s*项/);

    // A PDF in a non-embedded Chinese font (STSong-Light, UniGB-UCS2-H) needs pdf.js's GB CMaps.
    await textarea(page).fill('');
    const songPdf = cjkPdf([{ x: 40, y: 800, text: '苏州市相城区人民政府' }, { x: 40, y: 760, text: '序号' }, { x: 100, y: 760, text: '工作任务' }, { x: 40, y: 745, text: '1' }, { x: 100, y: 745, text: '推进城市更新' }]);
    await page.locator('input[type=file]').setInputFiles({ name: '报表.pdf', mimeType: 'application/pdf', buffer: Buffer.from(songPdf) });
    await expect.poll(() => textarea(page).inputValue(), { timeout: 20_000 }).toBe('苏州市相城区人民政府\n序号\t工作任务\n1\t推进城市更新');

    // Refusals: a message, and the text read before stays as it was.
    const before = await textarea(page).inputValue();
    await page.locator('input[type=file]').setInputFiles({ name: '方案.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]) });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('另存为');
    await screenshot(page, 'import-old-format');
    await page.locator('input[type=file]').setInputFiles({ name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from(imageOnlyPdf()) });
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 20_000 }).toBe(SCANNED_PDF_MESSAGE);
    expect(await textarea(page).inputValue()).toBe(before);
    await context.close();
  });
});
