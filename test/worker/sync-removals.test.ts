// GET /api/sync removals (docs/SYNC.md): `removed.reports` lists only reports the caller could read
// before — never the ids of other units' reports or drafts — while every phone that loses a
// report (a task's units changed, the report deleted) is still told (docs/SYNC.md).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SyncResponse } from '../../shared/schemas/sync';
import { MARCH_20, putReport, reportAndSubmit, reportBody, uid } from './reports-support';
import { call, json, makeFixture, type Fixture } from './support';

async function sync(cookie: string, since?: string): Promise<SyncResponse> {
  const res = await call('GET', `/api/sync${since ? `?since=${encodeURIComponent(since)}` : ''}`, { cookie, now: MARCH_20 });
  expect(res.status).toBe(200);
  return SyncResponse.parse(await json(res));
}

type Who = 'unitA' | 'unitB' | 'unitC' | 'leader' | 'admin';
const WHO: Who[] = ['unitA', 'unitB', 'unitC', 'leader', 'admin'];

/** Every actor's cursor now (after a full first load). */
async function cursors(f: Fixture): Promise<Record<Who, string>> {
  const out = {} as Record<Who, string>;
  for (const w of WHO) out[w] = (await sync(f.users[w].cookie)).cursor;
  return out;
}

/** What each actor is told since its cursor: reports sent and removed, sorted by name. */
async function since(f: Fixture, at: Record<Who, string>, names: Record<string, string>) {
  const name = (id: string) => names[id] ?? `unknown:${id}`;
  const out = {} as Record<Who, { reports: string[]; removed: string[] }>;
  for (const w of WHO) {
    const res = await sync(f.users[w].cookie, at[w]);
    expect(res.hasMore).toBe(false);
    out[w] = { reports: res.reports.map((r) => name(r.id)).sort(), removed: res.removed.reports.map(name).sort() };
  }
  return out;
}

const carry = (f: Fixture, unit: string, role: string) =>
  env.DB.prepare(`INSERT INTO item_units (item_id, unit_id, plan_id, role, seq) VALUES (?1, ?2, ?3, ?4, 5)`).bind(f.items.taskA, unit, f.planId, role).run();

describe('GET /api/sync removals', () => {
  /**
   * Task A: lead A, co C, and B made a co-unit too. Submitted reports of A, B and C, and a
   * draft of C. Reading rights before: A all submitted + own; B own + A's; C own (both) + A's;
   * the leader every submitted one; the admin everything.
   */
  async function world() {
    const f = await makeFixture();
    await carry(f, f.units.b, 'co');
    const rA = await reportAndSubmit(f.users.unitA.cookie, reportBody(f));
    const rB = await reportAndSubmit(f.users.unitB.cookie, reportBody(f));
    const rC = await reportAndSubmit(f.users.unitC.cookie, reportBody(f));
    const dC = uid();
    expect((await putReport(f.users.unitC.cookie, dC, reportBody(f, { period: '2024-02' }))).status).toBe(200);
    return { f, names: { [rA]: 'rA', [rB]: 'rB', [rC]: 'rC', [dC]: 'dC' }, ids: { rA, rB, rC, dC } };
  }

  it('tell a unit dropped from a task what it lost, and nobody else about reports they never read', async () => {
    const { f, names } = await world();
    const at = await cursors(f);
    // The importer drops unit C from task A.
    await env.DB.prepare('DELETE FROM item_units WHERE item_id = ?1 AND unit_id = ?2').bind(f.items.taskA, f.units.c).run();
    const got = await since(f, at, names);
    // C loses the lead unit's report; its own stay readable.
    expect(got.unitC.removed).toEqual(['rA']);
    expect(got.unitC.reports).toEqual(['dC', 'rC']);
    // B never could read C's report or draft: not even their ids.
    expect(got.unitB.removed).toEqual([]);
    expect(got.unitB.reports).toEqual(['rA', 'rB']);
    // A still leads: it keeps reading everything submitted.
    expect(got.unitA.removed).toEqual([]);
    expect(got.unitA.reports).toEqual(['rA', 'rB', 'rC']);
    expect(got.leader.removed).toEqual([]);
    expect(got.admin.removed).toEqual([]);
  });

  it('follow a lead unit demoted to co-unit, both ways', async () => {
    const { f, names } = await world();
    const at = await cursors(f);
    // A becomes a co-unit and C the lead (an UPDATE, as an UPSERT would do it).
    await env.DB.prepare(`UPDATE item_units SET role = 'co' WHERE item_id = ?1 AND unit_id = ?2`).bind(f.items.taskA, f.units.a).run();
    await env.DB.prepare(`UPDATE item_units SET role = 'lead' WHERE item_id = ?1 AND unit_id = ?2`).bind(f.items.taskA, f.units.c).run();
    const got = await since(f, at, names);
    // A now reads its own and the new lead C's: it loses B's.
    expect(got.unitA).toEqual({ reports: ['rA', 'rC'], removed: ['rB'] });
    // B loses A's (no longer lead) and gains C's — never C's draft.
    expect(got.unitB).toEqual({ reports: ['rB', 'rC'], removed: ['rA'] });
    // C leads now: every submitted report, plus its own draft; nothing lost.
    expect(got.unitC).toEqual({ reports: ['dC', 'rA', 'rB', 'rC'], removed: [] });
    expect(got.leader.removed).toEqual([]);
  });

  it('tell of a deleted report only those who could read it', async () => {
    const { f, names, ids } = await world();
    const at = await cursors(f);
    for (const id of [ids.rB, ids.dC]) await env.DB.prepare('DELETE FROM reports WHERE id = ?1').bind(id).run();
    const got = await since(f, at, names);
    expect(got.unitA.removed).toEqual(['rB']);
    expect(got.unitB.removed).toEqual(['rB']);
    expect(got.unitC.removed).toEqual(['dC']);
    // A leader never saw the draft.
    expect(got.leader.removed).toEqual(['rB']);
    expect(got.admin.removed).toEqual(['dC', 'rB']);
  });

  it('never tell a unit that joins a task about a report deleted before it could read it', async () => {
    const f = await makeFixture();
    const rA = await reportAndSubmit(f.users.unitA.cookie, reportBody(f));
    const b0 = await sync(f.users.unitB.cookie);
    await env.DB.prepare('DELETE FROM reports WHERE id = ?1').bind(rA).run();
    // B becomes a co-unit of task A: it would read lead unit A's reports, but rA is gone.
    await carry(f, f.units.b, 'co');
    const b1 = await sync(f.users.unitB.cookie, b0.cursor);
    expect(b1.removed.reports).toEqual([]);
    expect(b1.items.map((i) => [i.id, i.access])).toEqual([[f.items.taskA, 'full']]);
  });

  it('do not count a report lost and readable again as removed', async () => {
    const { f, names } = await world();
    const at = await cursors(f);
    // The importer replaces task A's units with the same ones (delete all, insert again).
    await env.DB.prepare('DELETE FROM item_units WHERE item_id = ?1').bind(f.items.taskA).run();
    await carry(f, f.units.a, 'lead');
    await carry(f, f.units.b, 'co');
    await carry(f, f.units.c, 'co');
    const got = await since(f, at, names);
    for (const w of WHO) expect(got[w].removed, w).toEqual([]);
    expect(got.unitB.reports).toEqual(['rA', 'rB']);
    expect(got.unitC.reports).toEqual(['dC', 'rA', 'rC']);
  });
});
