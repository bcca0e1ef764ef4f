// One task for leaders (GET /api/items/:id/overview: lights → reports → photos) and editing it
// after import (PATCH /api/items/:id, 督查室 only).
import { Hono } from 'hono';
import { ItemEditBody } from '../../../shared/schemas/edit';
import { PeriodQuery, type TaskOverview } from '../../../shared/schemas/dashboard';
import { IdParam } from '../../../shared/schemas/report';
import type { AppEnv, SessionUser } from '../env';
import { loadCells } from '../db/dashboard';
import { getEditableItem, guardedAudit, itemEditStatements, type EditableItem } from '../db/items-edit';
import { getPlanRecord, planHead } from '../db/plan-frame';
import { listItems } from '../db/plans';
import { reportDigests } from '../db/task-overview';
import { conflict, notFound } from '../lib/errors';
import { pickerPeriods, resolvePeriod } from '../lib/plan-period';
import { assertSameOrg } from '../lib/scope';
import { validate } from '../lib/validate';
import { requireRole } from '../middleware/auth';

async function itemFor(db: D1Database, user: SessionUser, id: string): Promise<EditableItem> {
  const item = await getEditableItem(db, id.toLowerCase());
  if (!item) throw notFound('未找到该任务');
  assertSameOrg(user, item.orgId);
  return item;
}

export const items = new Hono<AppEnv>()
  .get('/:id/overview', requireRole('admin', 'leader'), validate('param', IdParam), validate('query', PeriodQuery), async (c) => {
    const db = c.env.DB;
    const now = c.var.now();
    const editable = await itemFor(db, c.var.user, c.req.valid('param').id);
    const plan = (await getPlanRecord(db, editable.planId))!;
    const period = resolvePeriod(plan, c.req.valid('query').period, now);
    const [[item], cells, reports] = await Promise.all([
      listItems(db, plan.id, [editable.id]),
      loadCells(db, plan, period, now),
      reportDigests(db, editable.id),
    ]);
    const names = new Map(item!.leadUnits.map((u) => [u.id, u.name]));
    const body: TaskOverview = {
      plan: planHead(plan),
      period,
      periods: pickerPeriods(plan, period, now),
      item: {
        id: item!.id,
        kind: item!.kind,
        number: item!.number,
        label: item!.label,
        path: item!.path,
        text: item!.text,
        deadline: item!.deadline,
        version: editable.version,
        leadUnits: item!.leadUnits,
        coUnits: item!.coUnits,
        areas: item!.areas,
        leaders: item!.leaders,
        targets: item!.targets,
      },
      cells: cells
        .filter((cell) => cell.itemId === editable.id)
        .map(({ itemId: _i, ...cell }) => ({ ...cell, unitName: names.get(cell.unitId) ?? '' })),
      reports,
    };
    return c.json(body);
  })
  .patch('/:id', requireRole('admin'), validate('param', IdParam), validate('json', ItemEditBody), async (c) => {
    const db = c.env.DB;
    const user = c.var.user;
    const body = c.req.valid('json');
    const item = await itemFor(db, user, c.req.valid('param').id);
    if (body.version !== undefined && body.version !== item.version) {
      throw conflict('该任务已被他人修改，请刷新后重试', { version: item.version });
    }
    const now = c.var.now().toISOString();
    const { statements, summary } = await itemEditStatements(db, item, body, { userId: user.id, now });
    const results = await db.batch([
      ...statements,
      guardedAudit(db, 'items', { id: item.id, version: item.version, now, orgId: item.orgId, userId: user.id, action: 'item.edit', entityType: 'item', summary }),
    ]);
    if (results[0]!.results.length === 0) throw conflict('该任务已被他人修改，请刷新后重试');
    const [updated] = await listItems(db, item.planId, [item.id]);
    return c.json({ item: updated!, version: item.version + 1 });
  });
