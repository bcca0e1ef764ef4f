import { describe, expect, it } from 'vitest';
import { extractFromText, extractPlanText } from '../../../shared/import/extract';
import { MERGED_PLAN, writeHtml } from '../../support/plan-docs';

const lines = (html: string) => extractFromText(html, 'html').text.split('\n');

describe('HTML (a saved page or the clipboard’s text/html)', () => {
  it('turns a <table> with rowspan into TAB rows with the merged text repeated', async () => {
    const r = await extractPlanText(new TextEncoder().encode(writeHtml(MERGED_PLAN, { page: true })), '方案.html');
    expect(r.format).toBe('html');
    const out = r.text.split('\n');
    expect(out.slice(0, MERGED_PLAN.header.length)).toEqual(MERGED_PLAN.header);
    expect(out).toContain('2\t推进城市更新项目10个\t区住建局\t各镇（街道）\t12月底前');
    expect(out).toContain('3\t完成老旧小区改造30个\t区住建局\t区城管局\t9月底前');
  });

  it('reads an “Excel” export that is really an HTML table (.xls from a web system), in GBK', async () => {
    // <table><tr><td>序号</td><td>工作任务</td></tr><tr><td>1</td><td>推进</td></tr></table> with GBK bytes for the Chinese.
    const gbk = (hex: string) => Array.from(hex.match(/../g)!, (b) => parseInt(b, 16));
    const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
    const bytes = Uint8Array.from([
      ...ascii('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>'), ...gbk('d0f2bac5'), ...ascii('</td><td>'), ...gbk('b9a4d7f7c8cecef1'),
      ...ascii('</td></tr><tr><td>1</td><td>'), ...gbk('cdc6bdf8'), ...ascii('</td></tr></table></body></html>'),
    ]);
    const r = await extractPlanText(bytes, '任务台账.xls');
    expect(r).toEqual({ format: 'html', warnings: [], text: '序号\t工作任务\n1\t推进' });
  });

  it('tolerates unclosed cells and paragraphs, entities, <br> in cells, scripts and styles', () => {
    const html = `<html><head><style>td{}</style><script>var a = "<td>x</td>";</script></head><body>
      <p>苏州市&nbsp;吴中区人民政府<p>关于印发&lt;方案&gt;的通知
      <table><tr><th>序号<th>工作任务<th colspan=2>单位
      <tr><td>1<td>推进<br>城市更新<td>区住建局<td>区财政局
      </table><div>附件：<b>任务</b>清单</div>`;
    expect(lines(html)).toEqual(['苏州市 吴中区人民政府', '关于印发<方案>的通知', '序号\t工作任务\t单位\t', '1\t推进城市更新\t区住建局\t区财政局', '附件：任务清单']);
  });

  it('reads a page laid out in a one-cell table as its contents, and Word’s pasted HTML', () => {
    const wrapped = '<table><tr><td><p>标题</p><table><tr><td>1</td><td>任务</td></tr></table></td></tr></table>';
    expect(lines(wrapped)).toEqual(['标题', '1\t任务']);
    const word = `<!--StartFragment--><table class=MsoNormalTable><tr><td><p class=MsoNormal><span lang=EN-US>1<o:p></o:p></span></p></td><td><p class=MsoNormal>加快<![if !supportLists]>（一）<![endif]>建设<o:p></o:p></p></td></tr></table><!--EndFragment-->`;
    expect(lines(word)).toEqual(['1\t加快（一）建设']);
  });
});

describe('a web page saved as one file (.mht)', () => {
  it('opens the MIME envelope and reads its quoted-printable GBK HTML part', async () => {
    // <table><tr><td>序号</td><td>工作任务</td></tr></table>, charset gb2312, quoted-printable.
    const qp = '<html><body><p>=C8=CE=CE=F1</p><table><tr><td>=D0=F2=BA=C5</td><td>=B9=A4=D7=F7=C8=CE=CE=F1</td></tr><tr><td>1</td><td>=CD=C6=BD=F8</td></=\r\ntr></table></body></html>';
    const mht = [
      'From: <Saved by Blink>',
      'Subject: =?utf-8?Q?plan?=',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      '\tboundary="----MultipartBoundary--abc----"',
      '',
      '------MultipartBoundary--abc----',
      'Content-Type: text/html; charset="gb2312"',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://www.example.gov.cn/plan.html',
      '',
      qp,
      '------MultipartBoundary--abc----',
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '------MultipartBoundary--abc------',
    ].join('\r\n');
    const r = await extractPlanText(new TextEncoder().encode(mht), '方案.mht');
    expect(r).toEqual({ format: 'html', warnings: [], text: '任务\n序号\t工作任务\n1\t推进' });
  });
});
