// What every format parser produces before the common finishing step: items whose headings may
// still change (a group title continued on the next page, a group printed below its first rows),
// and the warnings list.
import type { ImportWarning, ParsedItem } from '../schemas/import';
import type { ItemKind } from '../labels';
import { extractDeadline } from './deadline';
import { repairLeaderFragments } from './leaders';
import { extractTargets } from './targets';
import { cleanText } from './text';

/** A heading shared by reference, so a later correction of its title reaches every item under it. */
export interface Heading {
  title: string;
}

/**
 * Where an item sits. Shared by reference too: rows printed before their group's label get the
 * group assigned when the label appears.
 */
export interface Scope {
  part: Heading | null;
  chapter: Heading | null;
  group: Heading | null;
}

export interface DraftItem {
  kind: ItemKind;
  number: string;
  line: number;
  /** Raw text; cleaned when finished. */
  text: string;
  scope: Scope;
  leadUnits: string[];
  coUnits: string[];
  leaders: string[];
  areas: string[];
  /** A separate time-limit cell or annotation (完成时限：6月底前), read like the text. */
  timeLimit?: string;
}

export class Warnings {
  readonly list: ImportWarning[] = [];
  add(line: number, message: string): void {
    this.list.push({ line, message });
  }
  sorted(): ImportWarning[] {
    return [...this.list].sort((a, b) => a.line - b.line);
  }
}

export function newDraft(kind: ItemKind, number: string, line: number, text: string, scope: Scope): DraftItem {
  return { kind, number, line, text, scope, leadUnits: [], coUnits: [], leaders: [], areas: [] };
}

export function pathOf(scope: Scope): string[] {
  return [scope.part, scope.chapter, scope.group]
    .map((h) => (h ? cleanText(h.title) : ''))
    .filter((t) => t.length > 0);
}

/**
 * A cut-off unit name (`责任单位:区` where the copy ended): a bare 区/县/市/镇/乡 or one character
 * is no unit — an account would be created for it.
 */
function isFragmentUnit(name: string): boolean {
  return name.length <= 1 || /^(?:区|县|市|镇|乡|省|街道)$/.test(name);
}

function dropFragmentUnits(d: DraftItem, warnings: Warnings): void {
  const fragments = [...d.leadUnits, ...d.coUnits].filter(isFragmentUnit);
  if (!fragments.length) return;
  d.leadUnits = d.leadUnits.filter((n) => !isFragmentUnit(n));
  d.coUnits = d.coUnits.filter((n) => !isFragmentUnit(n));
  warnings.add(d.line, `第${d.number}项的单位「${fragments.join('、')}」不完整（可能被截断），未作为单位，请补全`);
}

/** Clean texts, resolve paths, read targets and deadlines. */
export function finishItems(drafts: DraftItem[], year: number, warnings: Warnings): ParsedItem[] {
  repairLeaderFragments(drafts, (line, message) => warnings.add(line, message));
  for (const d of drafts) dropFragmentUnits(d, warnings);
  return drafts.map((d) => {
    const text = cleanText(d.text);
    const limit = d.timeLimit ? extractDeadline(cleanText(d.timeLimit), year) : null;
    const fromText = extractDeadline(text, year);
    const deadline = limit && fromText ? (limit < fromText ? limit : fromText) : (limit ?? fromText);
    return {
      kind: d.kind,
      number: d.number,
      path: pathOf(d.scope),
      text,
      leadUnits: d.leadUnits,
      coUnits: d.coUnits,
      leaders: d.leaders,
      areas: d.areas,
      targets: extractTargets(text),
      deadline,
      line: d.line,
    };
  });
}
