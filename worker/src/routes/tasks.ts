// One task (任务, an item of a plan) under /api/tasks: its reporting side — the prefilled draft for
// the next report, the reports of all its units (two-tier: the lead unit's is the consolidated
// one) and the instructions on it — and the leaders' overview of it and the 督查室's edit.
import { Hono } from 'hono';
import { dueDateOf, formatPeriod, parsePeriod, periodLabel, periodOf } from '../../../shared/period';
import { ItemEditBody } from '../../../shared/schemas/edit';
import { PeriodQuery, type TaskOverview } from '../../../shared/schemas/dashboard';
import { IdParam, TaskReportsQuery, type TaskReportsResponse } from '../../../shared/schemas/report';
import { TaskDraftQuery, type ReportDraft, type TaskDraftResponse } from '../../../shared/schemas/sync';
import type { AppEnv, SessionUser } from '../env';
import { loadCells } from '../db/dashboard';
import { threadReadAt, visibleInstructionsOfTask } from '../db/instructions';
import { getEditableItem, guardedAudit, itemEditStatements, type EditableItem } from '../db/items-edit';
import { getPlanRecord, planHead } from '../db/plan-frame';
import { listItems } from '../db/plans';
import { loadReports, visibleReportIdsOfTask } from '../db/report-read';
import { findReportFor, lastReportOf } from '../db/reports';
import { getTaskContext } from '../db/tasks';
import { reportDigests } from '../db/task-overview';
import { conflict, forbidden, notFound } from '../lib/errors';
import { linkReport, withPhotoLinks } from '../lib/photo-links';
import { pickerPeriods, resolvePeriod } from '../lib/plan-period';
import { assertReportableTask, carries, resolveWriteUnit, type TaskContext } from '../lib/report-access';
import { assertSameOrg } from '../lib/scope';
import { validate } from '../lib/validate';
import { requireRole, requireUser } from '../middleware/auth';
import type { Db } from '../lib/d1';

async function taskFor(db: Db, user: SessionUser, id: string): Promise<TaskContext> {
  const task = await getTaskContext(db, id.toLowerCase());
  if (!task) throw notFound('未找到该任务');
  assertSameOrg(user, task.orgId);
  return task;
}

/** Reports and instructions of a task: admins and leaders, or a unit that carries it. */
function assertMayFollow(user: SessionUser, task: TaskContext): void {
  if (user.role === 'unit' && !carries(task, user.unitId)) throw forbidden('本单位不承担该任务');
}

/** The period a new report is for: today's, kept within the plan's year. */
function draftPeriod(task: TaskContext, now: Date): string {
  const current = periodOf(now, task.cycle);
  const p = parsePeriod(current);
  if (p.year === task.year) return current;
  const last = task.cycle === 'monthly' ? 12 : task.cycle === 'quarterly' ? 4 : 2;
  return formatPeriod(task.year, task.cycle, p.year < task.year ? 1 : last);
}

/** A task as the 督查室 edits it (with its version); 404 outside the caller's organisation. */
async function editableTaskFor(db: Db, user: SessionUser, id: string): Promise<EditableItem> {
  const item = await getEditableItem(db, id.toLowerCase());
  if (!item) throw notFound('未找到该任务');
  assertSameOrg(user, item.orgId);
  return item;
}

export const tasks = new Hono<AppEnv>()
  .use(requireUser)
  .get('/:id/draft', requireRole('unit', 'admin'), validate('param', IdParam), validate('query', TaskDraftQuery), async (c) => {
    const user = c.var.user;
    const db = c.env.DB;
    const task = await taskFor(db, user, c.req.valid('param').id);
    assertReportableTask(user, task);
    const unitId = resolveWriteUnit(user, task, c.req.valid('query').unitId);
    const period = draftPeriod(task, c.var.now());
    const existing = await findReportFor(db, task.id, unitId, period);
    const last = await lastReportOf(db, task.id, unitId);
    const targets = new Set(task.targetIds);
    // 基层减负: what did not change is not typed again — status, numbers and texts carry over.
    const body: ReportDraft = {
      taskId: task.id,
      unitId,
      period,
      status: last?.status ?? 'not_started',
      percent: last?.percent ?? 0,
      targetValues: last
        ? (JSON.parse(last.target_values_json) as ReportDraft['targetValues']).filter((t) => targets.has(t.targetId))
        : [],
      progress: last?.progress ?? '',
      problems: last?.problems ?? '',
      nextSteps: last?.next_steps ?? '',
      photos: [],
    };
    const res: TaskDraftResponse = {
      body,
      periodLabel: periodLabel(period),
      dueDate: dueDateOf(period, task.dueDay),
      basedOn: last ? { reportId: last.id, period: last.period, state: last.state } : null,
      existingReportId: existing?.id ?? null,
      existingVerifyCode: existing?.verify_code ?? null,
    };
    return c.json(res);
  })
  .get('/:id/reports', validate('param', IdParam), validate('query', TaskReportsQuery), async (c) => {
    const user = c.var.user;
    const db = c.env.DB;
    const task = await taskFor(db, user, c.req.valid('param').id);
    assertMayFollow(user, task);
    const period = c.req.valid('query').period ?? null;
    const ids = await visibleReportIdsOfTask(db, user, task.orgId, task.id, period);
    const res: TaskReportsResponse = {
      taskId: task.id,
      period,
      units: task.units.map((u) => ({ id: u.unitId, name: u.name, role: u.role })),
      reports: (await loadReports(db, ids)).map(linkReport),
    };
    return c.json(res);
  })
  .get('/:id/instructions', validate('param', IdParam), async (c) => {
    const user = c.var.user;
    const task = await taskFor(c.env.DB, user, c.req.valid('param').id);
    assertMayFollow(user, task);
    const [instructions, lastReadAt] = await Promise.all([
      visibleInstructionsOfTask(c.env.DB, user, task.orgId, task.id),
      threadReadAt(c.env.DB, user.id, task.id),
    ]);
    return c.json({ instructions, lastReadAt });
  })
  /** One task for leaders: lights → reports → photos. */
  .get('/:id/overview', requireRole('admin', 'leader'), validate('param', IdParam), validate('query', PeriodQuery), async (c) => {
    const db = c.env.DB;
    const now = c.var.now();
    const editable = await editableTaskFor(db, c.var.user, c.req.valid('param').id);
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
      reports: reports.map(withPhotoLinks),
    };
    return c.json(body);
  })
  /** Editing a task after import (units, leaders, deadline, text, targets), 督查室 only. */
  .patch('/:id', requireRole('admin'), validate('param', IdParam), validate('json', ItemEditBody), async (c) => {
    const db = c.env.DB;
    const user = c.var.user;
    const body = c.req.valid('json');
    const item = await editableTaskFor(db, user, c.req.valid('param').id);
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
