// The importer's output: the contract of `npm run import -- --dry-run --json` and of the
// in-app preview. Units, leaders and areas are names here; ids are given on commit.
import { z } from 'zod';
import { IsoDate } from './common';
import { ItemKind } from './plan';

export const ParsedTarget = z.object({
  text: z.string(),
  value: z.number(),
  unit: z.string(),
});
export type ParsedTarget = z.infer<typeof ParsedTarget>;

export const ParsedItem = z.object({
  kind: ItemKind,
  number: z.string(),
  path: z.array(z.string()),
  text: z.string(),
  leadUnits: z.array(z.string()),
  coUnits: z.array(z.string()),
  leaders: z.array(z.string()),
  areas: z.array(z.string()),
  targets: z.array(ParsedTarget),
  deadline: IsoDate.nullable(),
  /** 1-based line in the source document where the item starts. */
  line: z.number().int().optional(),
});
export type ParsedItem = z.infer<typeof ParsedItem>;

export const ImportWarning = z.object({
  line: z.number().int(),
  message: z.string(),
});
export type ImportWarning = z.infer<typeof ImportWarning>;

export const ParsedPlanHeader = z.object({
  title: z.string(),
  issuer: z.string(),
  docNumber: z.string().nullable(),
  year: z.number().int(),
});
export type ParsedPlanHeader = z.infer<typeof ParsedPlanHeader>;

export const ParsedPlan = z.object({
  plan: ParsedPlanHeader,
  items: z.array(ParsedItem),
  warnings: z.array(ImportWarning),
});
export type ParsedPlan = z.infer<typeof ParsedPlan>;
