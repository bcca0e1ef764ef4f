// 上年度未结: a past year's items still open for a unit after a newer plan was imported — a
// returned report not yet sent again, or a 批示 the lead unit has not answered — until the
// 督查室 closes them.
import { z } from 'zod';
import { Id, IsoDateTime, Period } from './common';
import { TaskHead } from './report';

export const CarryoverEntry = TaskHead.extend({
  unitId: Id,
  unitName: z.string(),
  /** The unit's returned report (the newest), to be amended and sent again. */
  returned: z.object({ reportId: Id, period: Period }).nullable(),
  /** 批示 newer than the unit's last 落实情况 answer (lead units only). */
  unanswered: z.number().int(),
  lastAt: IsoDateTime.nullable(),
});
export type CarryoverEntry = z.infer<typeof CarryoverEntry>;

export const CarryoverResponse = z.object({ entries: z.array(CarryoverEntry) });

export const CarryoverCloseBody = z
  .object({
    itemId: Id,
    unitId: Id,
    comment: z.string().trim().max(500).default(''),
  })
  .strict();
export type CarryoverCloseBody = z.infer<typeof CarryoverCloseBody>;
