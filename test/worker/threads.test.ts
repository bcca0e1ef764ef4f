// 批示 as conversations (docs/ARCHITECTURE.md): the leader's 批示 and the units' 落实情况 answers form
// one thread per task, with unread markers on both sides and the two-tier rule for answers.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { InstructionListResponse, UnreadThreadsResponse } from '../../shared/schemas/report';
import { countRows, MARCH_20, uid } from './reports-support';
import { call, createUser, json, makeFixture } from './support';

const at = (minutes: number) => new Date(MARCH_20.getTime() + minutes * 60_000);

async function unread(cookie: string, minutes = 100) {
  return UnreadThreadsResponse.parse(await json(await call('GET', '/api/instructions/unread', { cookie, now: at(minutes) }))).tasks;
}

async function thread(cookie: string, itemId: string) {
  return InstructionListResponse.parse(await json(await call('GET', `/api/tasks/${itemId}/instructions`, { cookie })));
}

describe('批示 threads', () => {
  it('leader writes, the unit sees it as new, answers; the leader sees the answer as new', async () => {
    const f = await makeFixture();
    const { leader, unitA, unitB, unitC } = f.users;
    const note = await call('POST', '/api/instructions', { cookie: leader.cookie, json: { itemId: f.items.taskA, text: '请九月底前完成全部学校建设。' }, now: at(10) });
    expect(note.status).toBe(201);
    expect(await json(note)).toMatchObject({ kind: 'instruction', unitName: null });

    expect(await unread(unitA.cookie)).toMatchObject([{ itemId: f.items.taskA, unread: 1, kind: 'task', number: '1', planId: f.planId }]);
    expect(await unread(unitC.cookie)).toHaveLength(1);
    expect(await unread(unitB.cookie)).toEqual([]);
    // The leader's own 批示 is nothing new for him.
    expect(await unread(leader.cookie)).toEqual([]);

    expect((await thread(unitA.cookie, f.items.taskA)).lastReadAt).toBeNull();
    const read = await call('POST', '/api/instructions/read', { cookie: unitA.cookie, json: { itemId: f.items.taskA }, now: at(15) });
    expect(read.status).toBe(200);
    expect((await thread(unitA.cookie, f.items.taskA)).lastReadAt).toBe(at(15).toISOString());
    expect(await unread(unitA.cookie)).toEqual([]);
    expect(await countRows(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'instruction.read' AND entity_id = ?1`, f.items.taskA)).toBe(1);

    const answerId = uid();
    const body = { id: answerId, itemId: f.items.taskA, text: '已开工6所，其余4所八月底前开工。' };
    const answer = await call('POST', '/api/instructions/answers', { cookie: unitA.cookie, json: body, now: at(20) });
    expect(answer.status).toBe(201);
    expect(await json(answer)).toMatchObject({ id: answerId, kind: 'answer', unitName: '单位A', authorName: 'unitA用户' });
    const replay = await call('POST', '/api/instructions/answers', { cookie: unitA.cookie, json: body, now: at(21) });
    expect(replay.status).toBe(200);
    expect((await call('POST', '/api/instructions/answers', { cookie: unitA.cookie, json: { ...body, text: '改了' } })).status).toBe(409);
    expect(await countRows(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'instruction.answer' AND entity_id = ?1`, answerId)).toBe(1);

    // Only carrying units answer; leaders write 批示, not answers.
    expect((await call('POST', '/api/instructions/answers', { cookie: unitB.cookie, json: { itemId: f.items.taskA, text: 'x' } })).status).toBe(403);
    expect((await call('POST', '/api/instructions/answers', { cookie: leader.cookie, json: { itemId: f.items.taskA, text: 'x' } })).status).toBe(403);
    const empty = await call('POST', '/api/instructions/answers', { cookie: unitA.cookie, json: { itemId: f.items.taskA, text: '  ' } });
    expect(empty.status).toBe(400);
    expect((await json(empty)).error.fields.text).toBe('请填写落实情况');

    expect(await unread(leader.cookie)).toMatchObject([{ itemId: f.items.taskA, unread: 1 }]);
    expect(await unread(f.users.admin.cookie)).toHaveLength(1);
    const seen = await thread(leader.cookie, f.items.taskA);
    expect(seen.instructions.map((n) => [n.kind, n.text])).toEqual([
      ['instruction', '请九月底前完成全部学校建设。'],
      ['answer', '已开工6所，其余4所八月底前开工。'],
    ]);
    await call('POST', '/api/instructions/read', { cookie: leader.cookie, json: { itemId: f.items.taskA }, now: at(30) });
    expect(await unread(leader.cookie)).toEqual([]);
    // The unit's own answer is not new for it.
    expect(await unread(unitA.cookie)).toEqual([]);
    // The answer reaches the phone through /api/sync like the 批示.
    const sync = await json(await call('GET', '/api/sync', { cookie: unitA.cookie }));
    expect(sync.instructions.map((n: { id: string }) => n.id)).toContain(answerId);
  });

  it('answers follow the two-tier rule: co-units see the lead unit’s, never each other’s', async () => {
    const f = await makeFixture();
    const unitD = uid();
    await env.DB.batch([
      env.DB.prepare('INSERT INTO units (id, org_id, name, created_at) VALUES (?1, ?2, ?3, ?4)').bind(unitD, f.orgId, '单位D', new Date().toISOString()),
      env.DB.prepare(`INSERT INTO item_units (item_id, unit_id, plan_id, role, seq) VALUES (?1, ?2, ?3, 'co', 2)`).bind(f.items.taskA, unitD, f.planId),
    ]);
    const d = await createUser({ orgId: f.orgId, role: 'unit', username: `${unitD.slice(0, 8)}-d`, unitId: unitD });
    const answer = (cookie: string, text: string) => call('POST', '/api/instructions/answers', { cookie, json: { itemId: f.items.taskA, text } });
    const cursorC = (await json(await call('GET', '/api/sync', { cookie: f.users.unitC.cookie }))).cursor as string;
    expect((await answer(f.users.unitA.cookie, '牵头单位汇总')).status).toBe(201);
    expect((await answer(f.users.unitC.cookie, '配合单位C')).status).toBe(201);
    expect((await answer(d.cookie, '配合单位D')).status).toBe(201);
    const texts = async (cookie: string) => (await thread(cookie, f.items.taskA)).instructions.map((n) => n.text).sort();
    expect(await texts(f.users.unitA.cookie)).toEqual(['牵头单位汇总', '配合单位C', '配合单位D'].sort());
    expect(await texts(f.users.unitC.cookie)).toEqual(['牵头单位汇总', '配合单位C'].sort());
    expect(await texts(d.cookie)).toEqual(['牵头单位汇总', '配合单位D'].sort());
    expect(await texts(f.users.leader.cookie)).toHaveLength(3);
    // The leader's unread count holds all three; a co-unit's sync never carries another co-unit's answer.
    expect((await unread(f.users.leader.cookie))[0]!.unread).toBe(3);
    const syncC = await json(await call('GET', '/api/sync', { cookie: f.users.unitC.cookie }));
    expect(syncC.instructions.map((n: { text: string }) => n.text).sort()).toEqual(['牵头单位汇总', '配合单位C'].sort());
    // Nor its id as a "removal" (issue 13's rule for reports, held for 批示 threads too).
    const sinceC = await json(await call('GET', `/api/sync?since=${encodeURIComponent(cursorC)}`, { cookie: f.users.unitC.cookie }));
    expect(sinceC.instructions.map((n: { text: string }) => n.text).sort()).toEqual(['牵头单位汇总', '配合单位C'].sort());
    expect(sinceC.removed.instructions).toEqual([]);
  });
});
