// The clerk's corrections to an import preview: a list of operations applied in order to the
// parse (shared/import/corrections.ts). The same list is applied by the PWA's preview, by the
// server at commit, and again when the same document is imported later, so an operation names
// its item by what survives a re-parse (source line + number) and carries the text it saw
// (`was`): when the document changed under it, it no longer applies and the clerk is told.
import { z } from 'zod';
import { Cycle, IsoDate, Text } from './common';

const Name = Text()
  .trim()
  .min(1, '名称不能为空')
  .max(100)
  .regex(/^[^\u0000-\u001f\u202a-\u202e\u2066-\u2069]*$/, '名称含有不可见字符');
const Names = z.array(Name).max(60);

export const ItemRef = z
  .object({
    line: z.number().int().min(1).nullable(),
    number: Text().max(40),
  })
  .strict();
export type ItemRef = z.infer<typeof ItemRef>;

const Was = Text().max(5000);
/** A target as the clerk types it (the shape of ParsedTarget, with limits). */
export const EditableTarget = z
  .object({
    text: Text().trim().min(1, '目标不能为空').max(200),
    value: z.number().finite().min(0).max(1e12),
    unit: Text().trim().max(20),
  })
  .strict();

export const Correction = z.discriminatedUnion('op', [
  /** Plan fields the parser missed or got wrong. */
  z
    .object({
      op: z.literal('plan'),
      title: Text().trim().min(1).max(200).optional(),
      issuer: Text().trim().min(1).max(100).optional(),
      docNumber: Text().trim().max(60).nullable().optional(),
      year: z.number().int().min(2000).max(2100).optional(),
      cycle: Cycle.optional(),
      dueDay: z.number().int().min(1).max(31).optional(),
    })
    .strict(),
  /** An item's text, units, leaders, targets or deadline. */
  z
    .object({
      op: z.literal('edit'),
      at: ItemRef,
      was: Was,
      text: Text().trim().min(1, '内容不能为空').max(5000).optional(),
      leadUnits: Names.optional(),
      coUnits: Names.optional(),
      leaders: z.array(Name).max(10).optional(),
      targets: z.array(EditableTarget).max(20).optional(),
      deadline: IsoDate.nullable().optional(),
    })
    .strict(),
  /** An item and the one right after it are one item (a task cut in two by a page break). */
  z.object({ op: z.literal('merge'), at: ItemRef, was: Was, next: ItemRef, nextWas: Was }).strict(),
  /** One item is two: the text is cut at `offset` characters; the second gets `number`. */
  z
    .object({ op: z.literal('split'), at: ItemRef, was: Was, offset: z.number().int().min(1).max(5000), number: Text().trim().min(1).max(40).optional() })
    .strict(),
  /** An item is really a heading over the items after it. */
  z.object({ op: z.literal('heading'), at: ItemRef, was: Was }).strict(),
  /** A source line (a heading or an unrecognised line) is really a task. */
  z.object({ op: z.literal('task'), line: z.number().int().min(1), was: Was }).strict(),
  /** Confirmed near-duplicate: `name` is another spelling of `as` (kept as an alias at commit). */
  z.object({ op: z.literal('same-unit'), name: Name, as: Name }).strict(),
  /** Rejected near-duplicate: these two names are different units; never offered again. */
  z.object({ op: z.literal('distinct-units'), names: z.tuple([Name, Name]) }).strict(),
]);
export type Correction = z.infer<typeof Correction>;

/** Kept as one D1 row per document: bounded well below D1's row size. */
export const Corrections = z
  .array(Correction)
  .max(300, '修改过多（最多 300 处）')
  .refine((list) => JSON.stringify(list).length <= 400_000, '修改内容过多，请分次导入');

/** How one stored correction fared on this parse. */
export const CorrectionOutcome = z.object({ index: z.number().int(), correction: Correction, reason: z.string() });
export type CorrectionOutcome = z.infer<typeof CorrectionOutcome>;

/** A near-duplicate unit name offered as another spelling of `as`. */
export const SameUnitSuggestion = z.object({
  name: z.string(),
  as: z.string(),
  /** `as` is a unit the organisation already has. */
  existing: z.boolean(),
  reason: z.enum(['ocr', 'one-char', 'prefix', 'abbr']),
});
export type SameUnitSuggestion = z.infer<typeof SameUnitSuggestion>;
