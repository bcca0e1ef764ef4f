// The importer's output: the contract of `npm run import -- --dry-run --json` and of the
// in-app preview. Units, leaders and areas are names here; ids are given on commit.
import { z } from 'zod';
import { IsoDate, Text } from './common';
import { Corrections } from './import-corrections';
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
  /** The reporting rule the notice states (每月25日前 → monthly, 25), for the clerk to confirm. */
  cycle: z.enum(['monthly', 'quarterly', 'half_yearly']).optional(),
  dueDay: z.number().int().min(1).max(31).optional(),
  /** The notice's sentence the cycle and due day were read from. */
  cycleSource: z.string().optional(),
});
export type ParsedPlanHeader = z.infer<typeof ParsedPlanHeader>;

export const ParsedPlan = z.object({
  plan: ParsedPlanHeader,
  items: z.array(ParsedItem),
  warnings: z.array(ImportWarning),
});
export type ParsedPlan = z.infer<typeof ParsedPlan>;

// --- In-app import: preview, then commit (the admin maps unknown unit names first). ---

/** A plan document as pasted or uploaded; ~200 000 characters is far beyond any real plan. */
export const ImportDocumentBody = z
  .object({
    text: Text().min(1, '请粘贴或上传方案文档').max(200_000, '文档过长'),
    fileName: Text().trim().max(200).optional(),
    /** The clerk's corrections; absent: those kept from an earlier import of this document. */
    corrections: Corrections.optional(),
  })
  .strict();
export type ImportDocumentBody = z.infer<typeof ImportDocumentBody>;

export const UnitResolution = z.object({
  name: z.string(),
  /** existing: a unit of that name; alias: a known other spelling; new: will be created; group: placeholder. */
  status: z.enum(['existing', 'alias', 'new', 'group']),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  items: z.number().int(),
});
export type UnitResolution = z.infer<typeof UnitResolution>;

export const ImportCommitBody = z
  .object({
    text: Text().min(1).max(200_000),
    fileName: Text().trim().max(200).optional(),
    /** New names the admin recognised as existing units (recorded as aliases before commit). */
    aliases: z.array(z.object({ name: Text().trim().min(1).max(100), unitId: z.uuid() }).strict()).max(500).default([]),
    cycle: z.enum(['monthly', 'quarterly', 'half_yearly']).optional(),
    dueDay: z.number().int().min(1).max(31).optional(),
    /** For a document number already imported: 'update' applies the differences. */
    mode: z.enum(['create', 'update']).default('create'),
    /** The clerk's corrections, applied by the server to its own parse of `text`. */
    corrections: Corrections.default([]),
  })
  .strict();
export type ImportCommitBody = z.infer<typeof ImportCommitBody>;

export const AliasBody = z
  .object({ alias: Text().trim().min(1, '请填写别名').max(100), unitId: z.uuid() })
  .strict();
export type AliasBody = z.infer<typeof AliasBody>;
