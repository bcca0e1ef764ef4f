// Who may read a report is written twice: canReadReport() (lib/report-access.ts) for single
// reports and VISIBLE_REPORT_SQL (db/report-read.ts) for lists, sync and 批示 threads
// (docs/PERMISSIONS.md). This test runs every (caller, report) pair of a seeded world through
// both, over the real local D1, and fails on the first disagreement it can name.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../worker/src/env';
import { filterVisibleReports } from '../../worker/src/db/report-read';
import { getTaskContext } from '../../worker/src/db/tasks';
import { canReadReport, type TaskContext, type UnitRole } from '../../worker/src/lib/report-access';

const uid = () => crypto.randomUUID();
const NOW = '2024-06-01T00:00:00.000Z';
// A report's state and whether it was ever submitted (the two-tier rule reads first_submitted_at).
const STATES: [state: string, firstSubmitted: boolean][] = [
  ['draft', false],
  ['submitted', true],
  ['returned', true],
  ['accepted', true],
];

interface World {
  orgId: string;
  units: string[];
  tasks: string[];
  reports: { id: string; orgId: string; itemId: string; unitId: string; firstSubmittedAt: string | null }[];
}

/**
 * One organisation, six units, five items whose carrying units cover every shape the rule
 * distinguishes: one lead with co units, parallel leads (★★), a unit both co and area, a task
 * with no lead, an indicator. Every unit reports on every item in four states — a unit that no
 * longer carries a task keeps its old reports, as after an import correction.
 */
async function seedWorld(): Promise<World> {
  const db = env.DB;
  const orgId = uid();
  const planId = uid();
  const units = Array.from({ length: 6 }, uid);
  const [u1, u2, u3, u4, u5] = units as [string, string, string, string, string, string];
  const carrying: [kind: string, [string, UnitRole][]][] = [
    ['task', [[u1, 'lead'], [u2, 'co'], [u3, 'co']]],
    ['task', [[u1, 'lead'], [u2, 'lead'], [u4, 'co']]],
    ['task', [[u3, 'lead'], [u5, 'co'], [u5, 'area']]],
    ['task', [[u4, 'co'], [u5, 'area']]],
    ['indicator', [[u4, 'lead']]],
  ];
  const tasks = carrying.map(() => uid());
  const author = uid();
  const setup = [
    db.prepare('INSERT INTO orgs (id, name, short_name, created_at) VALUES (?1, ?2, ?3, ?4)').bind(orgId, `可见性区-${orgId}`, `可见${orgId.slice(0, 6)}`, NOW),
    db
      .prepare(
        `INSERT INTO plans (id, org_id, title, issuer, doc_number, year, cycle, due_day, created_at, updated_at)
         VALUES (?1, ?2, '2024年工作任务分解方案', '可见性区人民政府', ?3, 2024, 'monthly', 25, ?4, ?4)`,
      )
      .bind(planId, orgId, `可政发〔2024〕${orgId.slice(0, 6)}号`, NOW),
    db
      .prepare(
        `INSERT INTO users (id, org_id, username, display_name, role, password_hash, password_salt, password_iterations, created_at, updated_at)
         VALUES (?1, ?2, ?1, '录入员', 'admin', '-', '-', 100000, ?3, ?3)`,
      )
      .bind(author, orgId, NOW),
    ...units.map((id, i) => db.prepare('INSERT INTO units (id, org_id, name, created_at) VALUES (?1, ?2, ?3, ?4)').bind(id, orgId, `单位${i + 1}`, NOW)),
    ...carrying.flatMap(([kind, us], i) => [
      db
        .prepare(
          `INSERT INTO items (id, plan_id, seq, kind, number, path_json, text, deadline, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, '["工作任务"]', ?6, NULL, ?7, ?7)`,
        )
        .bind(tasks[i]!, planId, i + 1, kind, String(i + 1), `第${i + 1}项工作`, NOW),
      ...us.map(([unitId, role], seq) =>
        db.prepare('INSERT INTO item_units (item_id, unit_id, plan_id, role, seq) VALUES (?1, ?2, ?3, ?4, ?5)').bind(tasks[i]!, unitId, planId, role, seq),
      ),
    ]),
  ];
  const reports: World['reports'] = [];
  const inserts = [];
  for (const itemId of tasks) {
    for (const unitId of units.slice(0, 5)) {
      for (const [n, [state, submitted]] of STATES.entries()) {
        const id = uid();
        const firstSubmittedAt = submitted ? NOW : null;
        reports.push({ id, orgId, itemId, unitId, firstSubmittedAt });
        inserts.push(
          db
            .prepare(
              `INSERT INTO reports (id, org_id, plan_id, item_id, unit_id, period, author_id, state, status, progress,
                                    received_at, submitted_at, first_submitted_at, verify_code, body_hash, created_at, updated_at)
               VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'on_track', '按计划推进', ?9, ?10, ?10, ?11, 'h', ?9, ?9)`,
            )
            .bind(id, orgId, planId, itemId, unitId, `2024-0${n + 1}`, author, state, NOW, firstSubmittedAt, uid()),
        );
      }
    }
  }
  await db.batch([...setup, ...inserts]);
  return { orgId, units, tasks, reports };
}

function caller(role: SessionUser['role'], orgId: string | null, unitId: string | null = null): SessionUser {
  const id = uid();
  return { id, sessionId: uid(), username: `${role}-${id.slice(0, 6)}`, displayName: role, role, orgId, unitId, leaderId: null, mustChangePassword: false };
}

describe('canReadReport and VISIBLE_REPORT_SQL agree on every (caller, report) pair', () => {
  it('in a world of parallel leads, co and area units, drafts and submitted reports, and another organisation', async () => {
    const world = await seedWorld();
    const other = await seedWorld();
    const callers: [string, SessionUser][] = [
      ['superadmin', caller('superadmin', null)],
      ['admin', caller('admin', world.orgId)],
      ['leader', caller('leader', world.orgId)],
      ['second leader', caller('leader', world.orgId)],
      ...world.units.flatMap((u, i): [string, SessionUser][] => [
        [`unit ${i + 1}`, caller('unit', world.orgId, u)],
        [`second user of unit ${i + 1}`, caller('unit', world.orgId, u)],
      ]),
      ['unit user without a unit', caller('unit', world.orgId, null)],
      ['admin of another organisation', caller('admin', other.orgId)],
      ['leader of another organisation', caller('leader', other.orgId)],
      ['unit 1 of another organisation', caller('unit', other.orgId, other.units[0]!)],
    ];
    const tasks = new Map<string, TaskContext>();
    for (const id of world.tasks) tasks.set(id, (await getTaskContext(env.DB, id))!);
    const ids = world.reports.map((r) => r.id);

    const disagreements: string[] = [];
    let visible = 0;
    for (const [name, user] of callers) {
      // Routes bind the organisation they checked the caller against: its own, or for the
      // superadmin the organisation it opened.
      const bySql = await filterVisibleReports(env.DB, user, user.orgId ?? world.orgId, ids);
      for (const r of world.reports) {
        const task = tasks.get(r.itemId)!;
        const byTs = canReadReport(user, task, r);
        if (byTs) visible++;
        if (byTs !== bySql.has(r.id)) {
          const roles = task.units.filter((u) => u.unitId === r.unitId).map((u) => u.role).join('+') || 'none';
          const item = world.tasks.indexOf(r.itemId) + 1;
          const unit = world.units.indexOf(r.unitId) + 1;
          disagreements.push(`${name}: item ${item}, unit ${unit} (${roles}), ${r.firstSubmittedAt ? 'submitted' : 'draft'} — TS ${byTs}, SQL ${!byTs}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
    // The world exercises the rule: some pairs readable, many not.
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThan(callers.length * world.reports.length);
  });
});
