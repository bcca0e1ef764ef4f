// A table flattened by a web page copy (吴江 2024): one cell per line, `|` lines between cells,
// merged cells left out. Row order is 序号 | 项目 | 重点工作目标任务 | 牵头领导 | 责任单位, so lines
// are read by what they look like and where they sit:
//   `一、…` part · `1` group number, next line its title · `12.…` an item · person names after an
//   item are its leaders · the `★…` line its units · a short line between items continues the
//   group title (a merged cell split over two pages: `壮大新` … `兴产业`).
// An empty leader cell means the leader above (merged cell), within the same part.
import { type DraftItem, type Heading, type Scope, type Warnings, newDraft } from './items';
import { looksLikePersonName } from './leaders';
import { splitUnits } from './units';
import { CN_PAREN_RE, NUM_DOT_RE, PART_RE, cellText, nextNumberedTask, squeeze } from './text';

const INDICATOR_PART = /预期目标|主要指标/;
const SEPARATOR_LINE = /^\s*\|+\s*$/;
const NOTE = /^注\s*[:：]/;
const PAGE_JUNK = /^(原文链接|免责声明|TOP$|客服$|电话$|微信$|分享|打印|关闭|返回顶部|扫一扫|来源[:：]|责任编辑)/;
const UNIT_SUFFIX = /(局|委|办|区|镇|街道|中心|公司|集团|院|会|部|所|队|站|行|社|馆|团|厅|处|室|关|府|单位|部门|板块)$/;

function looksLikeUnitList(t: string): boolean {
  if (/[★☆]/.test(t)) return true;
  if (/[。；;：:]/.test(t)) return false;
  const tokens = squeeze(t).split(/[、，,]/).filter(Boolean);
  return tokens.length > 0 && tokens.every((x) => x.length <= 16) && UNIT_SUFFIX.test(tokens[tokens.length - 1]!);
}

interface OpenItem {
  draft: DraftItem;
  unitsSeen: boolean;
}

export function parsePipeTable(lines: string[], warnings: Warnings): DraftItem[] {
  const items: DraftItem[] = [];
  let part: Heading | null = null;
  let chapter: Heading | null = null;
  // Assigned in closures too, so keep TypeScript from narrowing it to null.
  let group = null as (Heading & { number: number }) | null;
  let partSinceGroup = true;
  let indicatorMode = false;
  let pendingGroupNumber: number | null = null;
  let lastLeaders: string[] = [];
  let open: OpenItem | null = null;
  let started = false;
  let scope: Scope | null = null;
  const currentScope = (): Scope => (scope ??= { part, chapter, group });

  const close = () => {
    if (!open) return;
    const d = open.draft;
    // An empty or absent leader cell continues the merged cell above; a merged cell cannot cross
    // a part heading row, so right under one there is no leader to carry down.
    if (!d.leaders.length) d.leaders = [...lastLeaders];
    if (d.leaders.length) lastLeaders = d.leaders;
    if (!open.unitsSeen) warnings.add(d.line, `第${d.number}项没有责任单位`);
    items.push(d);
    open = null;
  };
  const newPart = (title: string | null) => {
    close();
    part = title === null ? null : { title };
    indicatorMode = title !== null && INDICATOR_PART.test(title);
    chapter = null;
    group = null;
    lastLeaders = [];
    scope = null;
  };
  const newGroup = (number: number, title: string) => {
    group = { number, title };
    partSinceGroup = false;
    scope = null;
  };

  const headerAt = lines.findIndex((l) => squeeze(l) === '序号');
  // `(共118项)` above the table: the number of rows the document says it has.
  const countAt = lines.slice(0, Math.max(headerAt, 0)).findIndex((l) => /^[(（]共\d+项[)）]$/.test(squeeze(l)));
  const expected = countAt >= 0 ? Number(/\d+/.exec(lines[countAt]!)![0]) : null;

  for (let index = headerAt + 1; index < lines.length; index++) {
    const lineNo = index + 1;
    const raw = lines[index]!;
    const t = cellText(raw);
    if (!t || SEPARATOR_LINE.test(raw)) continue;
    if (NOTE.test(t) || PAGE_JUNK.test(t)) {
      close();
      const rest = lines.slice(index + (NOTE.test(t) ? 1 : 0)).filter((l) => l.trim());
      if (rest.length) warnings.add(lineNo + (NOTE.test(t) ? 1 : 0), `表格之后的${rest.length}行（网页链接、声明等）不是任务，已忽略`);
      break;
    }

    const partMatch = PART_RE.exec(t);
    const lastNumber: number = Number((open as OpenItem | null)?.draft.number ?? items.at(-1)?.number ?? 0);
    const itemMatch: RegExpExecArray | null = NUM_DOT_RE.exec(t) ?? nextNumberedTask(t, lastNumber);
    if (partMatch) {
      started = true;
      newPart(squeeze(partMatch[2]!));
      partSinceGroup = true;
      continue;
    }
    if (!started && !/^\d{1,3}$/.test(t) && !itemMatch) continue; // the header cells
    started = true;
    const chapterMatch = CN_PAREN_RE.exec(t);
    if (chapterMatch && !open) {
      chapter = { title: squeeze(chapterMatch[2]!) };
      group = null;
      scope = null;
      continue;
    }
    if (/^\d{1,3}$/.test(t)) {
      close();
      const n = Number(t);
      // Numbering restarts without a part heading: the heading row was printed empty (吴江 二、).
      // The items are all placed; their path simply has no part level.
      if (group && n <= group.number && !partSinceGroup) newPart(null);
      pendingGroupNumber = n;
      continue;
    }
    if (pendingGroupNumber !== null) {
      newGroup(pendingGroupNumber, squeeze(t));
      pendingGroupNumber = null;
      continue;
    }
    if (itemMatch) {
      close();
      const kind = indicatorMode ? 'indicator' : 'task';
      open = { draft: newDraft(kind, itemMatch[1]!, lineNo, itemMatch[2]!, currentScope()), unitsSeen: false };
      continue;
    }
    if (open && !open.unitsSeen) {
      const d = open.draft;
      if (looksLikeUnitList(t)) {
        Object.assign(d, splitUnits(t));
        open.unitsSeen = true;
      } else if (looksLikePersonName(t)) {
        d.leaders.push(squeeze(t));
      } else if (!d.leaders.length) {
        d.text += t; // the task text went on over another line
      } else warnings.add(lineNo, `无法识别的内容：「${t.slice(0, 30)}」`);
      continue;
    }
    close();
    const title = squeeze(t);
    if (group && title.length <= 3) {
      // The rest of a group title whose merged cell ran over a page break.
      group.title += title;
    } else {
      newGroup((group?.number ?? 0) + 1, title);
    }
  }
  close();
  if (expected !== null && expected !== items.length) {
    warnings.add(countAt + 1, `文件注明共${expected}项，解析出${items.length}项，请核对`);
  }
  return items;
}
