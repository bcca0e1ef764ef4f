import { describe, expect, it } from 'vitest';
import { insertAtSelection, planTextFromPaste } from '../../pwa/src/import/read-plan-file';

const clipboard = (data: Record<string, string>) => ({ getData: (type: string) => data[type] ?? '' }) as unknown as DataTransfer;

describe('paste into the import screen', () => {
  it('takes a web page’s table from text/html as TAB rows', () => {
    const html = '<meta charset="utf-8"><p>方案</p><table><tr><td>1</td><td>推进<br>城市更新</td><td rowspan="2">区住建局</td></tr><tr><td>2</td><td>改造</td></tr></table>';
    expect(planTextFromPaste(clipboard({ 'text/html': html, 'text/plain': '方案\n1\n推进\n城市更新\n区住建局' }))).toBe('方案\n1\t推进城市更新\t区住建局\n2\t改造\t区住建局');
  });

  it('leaves plain text (and an empty clipboard) to the browser’s own paste', () => {
    expect(planTextFromPaste(clipboard({ 'text/plain': '1 推进' }))).toBeNull();
    expect(planTextFromPaste(clipboard({ 'text/html': '<meta charset="utf-8">' }))).toBeNull();
    expect(planTextFromPaste(null)).toBeNull();
  });

  it('puts the pasted text in place of the selection', () => {
    const el = { value: 'abcdef', selectionStart: 2, selectionEnd: 4 } as HTMLTextAreaElement;
    expect(insertAtSelection(el, 'XY')).toBe('abXYef');
  });
});
