// Plans (工作任务分解方案) and their items as the API returns them.
import { z } from 'zod';
import { ITEM_KINDS } from '../labels';
import { Cycle, Id, IsoDate, IsoDateTime } from './common';

export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKind>;

export const UnitRef = z.object({ id: Id, name: z.string() });

export const LeaderRef = z.object({ id: Id, name: z.string() });

export const Target = z.object({
  id: Id,
  text: z.string(),
  value: z.number(),
  unit: z.string(),
});
export type Target = z.infer<typeof Target>;

export const PlanSummary = z.object({
  id: Id,
  orgId: Id,
  title: z.string(),
  issuer: z.string(),
  docNumber: z.string().nullable(),
  year: z.number().int(),
  cycle: Cycle,
  dueDay: z.number().int(),
  itemCount: z.number().int(),
  taskCount: z.number().int(),
  indicatorCount: z.number().int(),
  draftCount: z.number().int(),
  createdAt: IsoDateTime,
});
export type PlanSummary = z.infer<typeof PlanSummary>;

/**
 * An item as its reader may see it. `access: 'title'` is what a unit user gets for another
 * unit's task: the heading and number only, no units, targets or reports.
 */
export const Item = z.object({
  id: Id,
  planId: Id,
  seq: z.number().int(),
  kind: ItemKind,
  number: z.string(),
  /** 指标 3 / 任务 二.3: unique within the plan, stored at import (shared/item-labels.ts). */
  label: z.string(),
  path: z.array(z.string()),
  text: z.string(),
  deadline: IsoDate.nullable(),
  leadUnits: z.array(UnitRef),
  coUnits: z.array(UnitRef),
  areas: z.array(UnitRef),
  leaders: z.array(LeaderRef),
  targets: z.array(Target),
  access: z.enum(['full', 'title']),
});
export type Item = z.infer<typeof Item>;

export const PlanItemsResponse = z.object({ plan: PlanSummary, items: z.array(Item) });

export const PlanListResponse = z.object({ plans: z.array(PlanSummary) });
