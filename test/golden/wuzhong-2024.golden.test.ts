// Golden test: the clean text copy of 吴政发〔2024〕1号 (苏州市吴中区政府2024年主要工作任务分解方案).
// Every expectation was read off the document by hand; see wuzhong-2024.expected.ts.
import { describe, expect, it } from 'vitest';
import { findItem, kindCounts, lazyParse, range, squash, target } from './support';
import { CHAPTER_RANGES, DEADLINES, HEADER, INDICATOR_BLOCK, TASK_BLOCK, TXT_GROUP_RANGES, TXT_ITEMS } from './wuzhong-2024.expected';

const parsed = lazyParse('wuzhong-2024-tasks.txt', 'seeds');
const tasks = () => parsed().items.filter((i) => i.kind === 'task');
const indicators = () => parsed().items.filter((i) => i.kind === 'indicator');

describe('wuzhong-2024 (clean txt): plan header', () => {
  it('reads issuer, document number, year and title', () => {
    expect(parsed().plan).toEqual({
      issuer: HEADER.issuer,
      docNumber: HEADER.docNumber,
      year: HEADER.year,
      title: HEADER.title,
    });
  });
});

describe('wuzhong-2024 (clean txt): counts and numbering', () => {
  it('finds 8 indicators, 88 tasks and no drafts', () => {
    expect(kindCounts(parsed().items)).toEqual({ indicator: 8, task: 88, draft: 0 });
  });

  it('numbers indicators 1..8 and tasks 1..88 in document order', () => {
    expect(indicators().map((i) => i.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(tasks().map((i) => i.number)).toEqual(range(1, 88).map(String));
  });

  it('puts the indicator block before the tasks', () => {
    const kinds = parsed().items.map((i) => i.kind);
    expect(kinds.lastIndexOf('indicator')).toBeLessThan(kinds.indexOf('task'));
  });

  it('emits no warnings for the clean copy', () => {
    // Nothing in the .txt is unplaceable: the preamble, the repeated table headers (one says
    // 主要负责单位), the group rows with empty cells at page feet and the unnumbered closing
    // chapter are all regular structure.
    expect(parsed().warnings).toEqual([]);
  });
});

describe('wuzhong-2024 (clean txt): paths, texts and deadlines of every item', () => {
  it('gives every indicator the path [经济社会发展主要预期目标]', () => {
    for (const i of indicators()) expect(i.path, `indicator ${i.number}`).toEqual([INDICATOR_BLOCK]);
  });

  it.each(CHAPTER_RANGES)('tasks (%i)-(%i) sit in chapter %s under 工作任务分解', (from, to, chapter) => {
    for (let n = from; n <= to; n++) {
      const item = findItem(parsed().items, 'task', String(n));
      expect(item.path, `task (${n})`).toHaveLength(3);
      expect(item.path.slice(0, 2), `task (${n})`).toEqual([TASK_BLOCK, chapter]);
    }
  });

  it.each(TXT_GROUP_RANGES)('tasks (%i)-(%i) sit in group %j', (from, to, groups) => {
    for (const n of range(from, to)) findItem(parsed().items, 'task', String(n), groups);
  });

  it('strips number prefixes, tags and whitespace from every text and path element', () => {
    for (const i of parsed().items) {
      const where = `${i.kind} ${i.number}`;
      expect(i.text, where).not.toMatch(/\s|<|>/u);
      expect(i.text, where).not.toMatch(/^[(（]?\d+[)）.、]/u);
      // One task per item: no other task's (n) marker leaks into a text.
      expect(i.text, where).not.toMatch(/[(（]\d{1,2}[)）]/u);
      for (const p of i.path) {
        expect(p, where).not.toMatch(/\s|<|>|^[(（]?[一二三四五六七八九十\d]+[)）、.]/u);
      }
    }
  });

  it('sets a deadline only on (2) 上半年 and (3) 全年', () => {
    for (const i of parsed().items) {
      const want = i.kind === 'task' ? (DEADLINES[i.number] ?? null) : null;
      expect(i.deadline, `${i.kind} ${i.number}`).toBe(want);
    }
  });
});

describe('wuzhong-2024 (clean txt): items in detail', () => {
  it.each(TXT_ITEMS.map((e) => [`${e.kind} ${e.number} — ${e.why}`, e] as const))('%s', (_, e) => {
    const item = findItem(parsed().items, e.kind, e.number, e.pathLast);
    if (e.chapter) expect(item.path).toContain(e.chapter);
    expect(squash(item.text)).toContain(e.phrase);
    expect(item.leadUnits).toEqual(e.leadUnits);
    expect(item.coUnits).toEqual(e.coUnits);
    if (e.targets === 'none') expect(item.targets).toEqual([]);
    else if (e.targets) {
      expect(item.targets).toEqual(expect.arrayContaining(e.targets.map(target)));
    }
    expect(item.deadline).toBe(e.deadline);
  });
});
