// Word's automatic numbering (`<w:numPr>`): the printed numbers of numbered paragraphs are not in
// document.xml but computed from numbering.xml. Task tables often number their 序号 column this
// way, so losing it loses every task number: we compute the printed text (lvlText with its
// counters in the level's format) as Word does for the common formats.
import { child, childrenNamed, descendant, type XmlElement } from './xml';

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
}

const val = (el: XmlElement | undefined) => el?.attrs['w:val'];

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

function chinese(n: number): string {
  if (n < 10) return CN[n]!;
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  return String(n);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

function letters(n: number): string {
  const l = String.fromCharCode(96 + (((n - 1) % 26) + 1));
  return l.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter in a numFmt; undefined for formats we do not know. */
export function formatNumber(n: number, format: string): string | undefined {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographDigital':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chinese(n);
    case 'chineseLegalSimplified':
      return chinese(n).replace(/[一二三四五六七八九十]/g, (c) => '壹贰叁肆伍陆柒捌玖拾'['一二三四五六七八九十'.indexOf(c)]!);
    case 'ideographTraditional':
      return STEMS[(n - 1) % 10];
    case 'ideographZodiac':
      return BRANCHES[(n - 1) % 12];
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'decimalEnclosedFullstop':
    case 'decimalEnclosedParen':
      if (format === 'decimalEnclosedFullstop' && n <= 20) return String.fromCharCode(0x2487 + n);
      if (format === 'decimalEnclosedParen' && n <= 20) return String.fromCharCode(0x2473 + n);
      return n <= 20 ? String.fromCharCode(0x245f + n) : `(${n})`;
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'none':
    case 'bullet':
      return '';
    default:
      return undefined;
  }
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();
  /** Style id → its numPr (headings numbered through their style). */
  private readonly styleNum = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  readonly unknownFormats = new Set<string>();
  missing = 0;

  constructor(numberingXml: XmlElement | undefined, stylesXml: XmlElement | undefined) {
    const numbering = numberingXml && child(numberingXml, 'w:numbering');
    if (numbering) {
      for (const a of childrenNamed(numbering, 'w:abstractNum')) {
        const levels = new Map<number, Level>();
        for (const l of childrenNamed(a, 'w:lvl')) {
          levels.set(Number(l.attrs['w:ilvl'] ?? 0), {
            start: Number(val(child(l, 'w:start')) ?? 1),
            format: val(child(l, 'w:numFmt')) ?? 'decimal',
            text: val(child(l, 'w:lvlText')) ?? '',
            suffix: val(child(l, 'w:suff')) ?? 'tab',
          });
        }
        this.abstracts.set(a.attrs['w:abstractNumId'] ?? '', levels);
      }
      for (const n of childrenNamed(numbering, 'w:num')) {
        const overrides = new Map<number, number>();
        for (const o of childrenNamed(n, 'w:lvlOverride')) {
          const start = val(child(o, 'w:startOverride'));
          if (start !== undefined) overrides.set(Number(o.attrs['w:ilvl'] ?? 0), Number(start));
        }
        this.nums.set(n.attrs['w:numId'] ?? '', { abstractId: val(child(n, 'w:abstractNumId')) ?? '', overrides });
      }
    }
    const styles = stylesXml && child(stylesXml, 'w:styles');
    for (const s of styles ? childrenNamed(styles, 'w:style') : []) {
      const numPr = descendant(child(s, 'w:pPr') ?? { name: '', attrs: {}, children: [] }, 'w:numPr');
      const ilvl = val(child(numPr, 'w:ilvl'));
      this.styleNum.set(s.attrs['w:styleId'] ?? '', {
        numId: val(child(numPr, 'w:numId')),
        ilvl: ilvl === undefined ? undefined : Number(ilvl),
        basedOn: val(child(s, 'w:basedOn')),
      });
    }
  }

  /** The numPr of a paragraph: its own, else its style's (following basedOn). */
  private numPrOf(pPr: XmlElement | undefined): { numId: string; ilvl: number } | undefined {
    const own = child(pPr, 'w:numPr');
    let numId = val(child(own, 'w:numId'));
    let ilvl = val(child(own, 'w:ilvl')) === undefined ? undefined : Number(val(child(own, 'w:ilvl')));
    let style = val(child(pPr, 'w:pStyle'));
    for (let depth = 0; style && depth < 10 && (numId === undefined || ilvl === undefined); depth++) {
      const s = this.styleNum.get(style);
      if (!s) break;
      numId ??= s.numId;
      if (ilvl === undefined && s.ilvl !== undefined) ilvl = s.ilvl;
      style = s.basedOn;
    }
    if (numId === undefined || numId === '0') return undefined;
    return { numId, ilvl: ilvl ?? 0 };
  }

  /** The printed number (with its suffix) for a paragraph, advancing the list's counters. */
  label(pPr: XmlElement | undefined): string {
    const pr = this.numPrOf(pPr);
    if (!pr) return '';
    const num = this.nums.get(pr.numId);
    const levels = num && this.abstracts.get(num.abstractId);
    const level = levels?.get(pr.ilvl);
    if (!num || !levels || !level) {
      this.missing++;
      return '';
    }
    const counters = this.counters.get(num.abstractId) ?? [];
    this.counters.set(num.abstractId, counters);
    if (!this.started.has(pr.numId)) {
      this.started.add(pr.numId);
      for (const [lvl, start] of num.overrides) counters[lvl] = start - 1;
    }
    counters[pr.ilvl] = (counters[pr.ilvl] ?? (levels.get(pr.ilvl)?.start ?? 1) - 1) + 1;
    counters.length = pr.ilvl + 1; // deeper levels restart
    const text = level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const lv = levels.get(l);
      const n = counters[l] ?? lv?.start ?? 1;
      const f = formatNumber(n, lv?.format ?? 'decimal');
      if (f === undefined) {
        this.unknownFormats.add(lv?.format ?? '');
        return String(n);
      }
      return f;
    });
    if (!text || level.format === 'bullet') return '';
    const sep = level.suffix === 'nothing' || !/[0-9A-Za-z]$/.test(text) ? '' : ' ';
    return text + sep;
  }
}
