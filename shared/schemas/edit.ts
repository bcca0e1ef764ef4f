// Editing a plan after import (督查室): reassign units and leaders, set deadlines, the cycle and
// the due day. `version` is the one the editor saw; a stale one is a 409, never a silent overwrite.
import { z } from 'zod';
import { CYCLES } from '../labels';
import { Id, IsoDate } from './common';
import { EditableTarget } from './import-corrections';

const IdList = (max: number) =>
  z
    .array(Id)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, '同一单位或领导不能重复');

export const ItemEditBody = z
  .object({
    version: z.number().int().min(1).optional(),
    leadUnitIds: IdList(20).optional(),
    coUnitIds: IdList(60).optional(),
    areaIds: IdList(60).optional(),
    leaderIds: IdList(10).optional(),
    deadline: IsoDate.nullable().optional(),
    text: z.string().trim().min(1, '任务内容不能为空').max(5000, '任务内容过长').optional(),
    /** The item's targets in order; `id` keeps a target (and the figures reported on it). */
    targets: z.array(EditableTarget.extend({ id: Id.optional() })).max(20, '目标最多 20 个').optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), { message: '没有要修改的内容', path: ['_'] })
  .refine((b) => !b.leadUnitIds || !b.coUnitIds || !b.leadUnitIds.some((id) => b.coUnitIds!.includes(id)), {
    message: '同一单位不能既是牵头单位又是责任单位',
    path: ['coUnitIds'],
  });
export type ItemEditBody = z.infer<typeof ItemEditBody>;

export const PlanEditBody = z
  .object({
    version: z.number().int().min(1).optional(),
    cycle: z.enum(CYCLES).optional(),
    dueDay: z.number().int().min(1).max(31).optional(),
  })
  .strict()
  .refine((b) => b.cycle !== undefined || b.dueDay !== undefined, { message: '没有要修改的内容', path: ['_'] });
export type PlanEditBody = z.infer<typeof PlanEditBody>;
