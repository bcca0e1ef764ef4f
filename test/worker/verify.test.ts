// The verification page's API: random codes from the phone, the public evidence behind a code,
// the organisation's switch, and the throttle.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { VerifyResponse } from '../../shared/schemas/report';
import { newVerifyCode } from '../../shared/verify-code';
import { VERIFY_LIMIT_PER_ADDRESS, VERIFY_LIMIT_PER_USER } from '../../worker/src/routes/verify';
import { seededRandom } from '../support/random';
import { jpeg, sha256 } from './images';
import { countRows, putPhoto, putReport, reportBody, submit, uid } from './reports-support';
import { call, json, makeFixture, type Fixture } from './support';

const rand = seededRandom('verify.test addresses', 20240325);
const ip = () => `203.0.113.${Math.floor(rand() * 250) + 1}-${uid().slice(0, 6)}`;
const get = (path: string, opts: { cookie?: string; ip?: string } = {}) =>
  call('GET', path, { cookie: opts.cookie, headers: { 'cf-connecting-ip': opts.ip ?? ip() } });

/** A submitted report of unit A on task A with one photo and its thumbnail. */
async function evidence(f: Fixture) {
  const id = uid();
  const photoId = uid();
  const code = newVerifyCode();
  const photo = jpeg({ width: 1600, height: 1200 });
  const thumb = jpeg({ width: 320, height: 240 });
  const put = await putReport(f.users.unitA.cookie, id, reportBody(f, { verifyCode: code, photos: [{ id: photoId, takenAt: '2024-03-20T03:50:00.000Z' }] }));
  expect(put.status).toBe(200);
  expect((await putPhoto(f.users.unitA.cookie, id, photoId, photo)).status).toBe(200);
  expect((await putPhoto(f.users.unitA.cookie, id, photoId, thumb, { thumb: true })).status).toBe(200);
  expect((await submit(f.users.unitA.cookie, id)).status).toBe(200);
  return { id, code, photo, thumb };
}

describe('the 核验码 of a new report', () => {
  it('is the one the phone drew, and a repeat is refused with 409 verify_code_taken storing nothing', async () => {
    const f = await makeFixture();
    const code = newVerifyCode();
    const first = await putReport(f.users.unitA.cookie, uid(), reportBody(f, { verifyCode: code }));
    expect(first.status).toBe(200);
    expect((await json(first)).verifyCode).toBe(code);
    const before = await countRows('SELECT COUNT(*) AS n FROM reports WHERE org_id = ?1', f.orgId);
    const clashId = uid();
    const clash = await putReport(f.users.unitB.cookie, clashId, reportBody(f, { taskId: f.items.taskB, targetValues: [], verifyCode: code }));
    expect(clash.status).toBe(409);
    expect((await json(clash)).error).toMatchObject({ code: 'verify_code_taken', message: expect.stringMatching(/核验码/) });
    expect(await countRows('SELECT COUNT(*) AS n FROM reports WHERE org_id = ?1', f.orgId)).toBe(before);
    // The outbox draws a new code and sends the same report again: it goes through.
    const retry = await putReport(f.users.unitB.cookie, clashId, reportBody(f, { taskId: f.items.taskB, targetValues: [], verifyCode: newVerifyCode() }));
    expect(retry.status).toBe(200);
  });

  it('is drawn by the server when an older app sends none; a malformed one is a 400', async () => {
    const f = await makeFixture();
    const res = await putReport(f.users.unitA.cookie, uid(), reportBody(f));
    expect((await json(res)).verifyCode).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    for (const verifyCode of ['ABCDEFGH', 'ABCD-EFGH-JKMN', 'abcdefghjkmn', 'ABCDEFGHJKM0']) {
      const bad = await putReport(f.users.unitA.cookie, uid(), reportBody(f, { taskId: f.items.indicator, targetValues: [], verifyCode }));
      expect(bad.status, verifyCode).toBe(400);
    }
  });

  it('stays what it was when a draft is updated', async () => {
    const f = await makeFixture();
    const id = uid();
    const code = newVerifyCode();
    await putReport(f.users.unitA.cookie, id, reportBody(f, { verifyCode: code }));
    const again = await putReport(f.users.unitA.cookie, id, reportBody(f, { progress: '改过的进展', verifyCode: newVerifyCode() }));
    expect((await json(again)).verifyCode).toBe(code);
  });
});

describe('GET /api/verify/:code', () => {
  it('shows anyone, signed in or not, only what the photo proves', async () => {
    const f = await makeFixture();
    const { id, code, photo, thumb } = await evidence(f);
    const other = await makeFixture();
    for (const cookie of [undefined, f.users.unitB.cookie, other.users.admin.cookie]) {
      const res = await get(`/api/verify/${code.toLowerCase().match(/.{4}/g)!.join('-')}`, { cookie });
      expect(res.status).toBe(200);
      const raw = await json(res);
      const v = VerifyResponse.parse(raw);
      expect(Object.keys(raw).sort()).toEqual(Object.keys(VerifyResponse.shape).sort());
      expect(v).toMatchObject({
        verifyCode: code,
        orgName: f.orgName,
        unitName: '单位A',
        taskLabel: '任务 1',
        taskTitle: '新建学校10所',
        capturedAt: '2024-03-20T03:55:00.000Z',
        review: 'pending',
        clockFlagged: false,
        reportId: null,
        taskId: null,
      });
      expect(v.photos).toEqual([
        expect.objectContaining({ seq: 0, sha256: await sha256(photo), size: photo.length, width: 1600, height: 1200, takenAt: '2024-03-20T03:50:00.000Z' }),
      ]);
      // Nothing of the report's text, location, reviews or ids.
      const text = JSON.stringify(raw);
      for (const secret of ['已开工建设', '拆迁', '剩余4所', '31.26', '120.63', id, f.users.unitA.id]) expect(text).not.toContain(secret);
      const t = await get(v.photos[0]!.thumbUrl!, { cookie });
      expect(t.status).toBe(200);
      expect(t.headers.get('content-type')).toBe('image/jpeg');
      expect(t.headers.get('x-content-type-options')).toBe('nosniff');
      expect(new Uint8Array(await t.arrayBuffer())).toEqual(thumb);
    }
    // The signed-in photo route stays closed to a caller without a session.
    expect((await get(`/api/reports/${id}/photos/${(await json(await call('GET', `/api/reports/${id}`, { cookie: f.users.admin.cookie }))).photos[0].id}`)).status).toBe(401);
  });

  it('links the report for signed-in users who may read it', async () => {
    const f = await makeFixture();
    const { id, code } = await evidence(f);
    for (const u of [f.users.unitA, f.users.admin, f.users.leader]) {
      expect(await json(await get(`/api/verify/${code}`, { cookie: u.cookie }))).toMatchObject({ reportId: id, taskId: f.items.taskA });
    }
    expect(await json(await get(`/api/verify/${code}`, { cookie: f.users.unitB.cookie }))).toMatchObject({ reportId: null });
    expect((await call('POST', `/api/reports/${id}/review`, { cookie: f.users.admin.cookie, json: { decision: 'accepted', comment: '很好的进展说明' } })).status).toBe(200);
    const accepted = await json(await get(`/api/verify/${code}`));
    expect(accepted.review).toBe('accepted');
    expect(JSON.stringify(accepted)).not.toContain('很好的进展说明');
  });

  it('answers unknown codes, unsent drafts and malformed codes alike with 404', async () => {
    const f = await makeFixture();
    const code = newVerifyCode();
    await putReport(f.users.unitA.cookie, uid(), reportBody(f, { verifyCode: code }));
    const answers = await Promise.all([code, newVerifyCode(), 'NOT-A-CODE'].map((c) => get(`/api/verify/${c}`, { cookie: f.users.admin.cookie })));
    const bodies = await Promise.all(answers.map((r) => json(r)));
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404]);
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
  });

  it('keeps the 8-character codes of reports created before random codes, behind sign-in as before', async () => {
    const f = await makeFixture();
    const { id } = await evidence(f);
    const legacy = newVerifyCode().slice(0, 8);
    await env.DB.prepare('UPDATE reports SET verify_code = ?2 WHERE id = ?1').bind(id, legacy).run();
    const typed = `/api/verify/${legacy.slice(0, 4)}-${legacy.slice(4).toLowerCase()}`;
    expect((await json(await get(typed, { cookie: f.users.unitB.cookie }))).unitName).toBe('单位A');
    // Derived from the report id, so computable by whoever learns an id: never anonymous.
    expect((await get(typed)).status).toBe(404);
    expect((await get(typed, { cookie: (await makeFixture()).users.admin.cookie })).status).toBe(404);
  });

  it('is only for the organisation’s signed-in users once its admin turns the anonymous page off (audited)', async () => {
    const f = await makeFixture();
    const { code } = await evidence(f);
    const thumbUrl = `/api/verify/${code}/photos/0/thumb`;
    expect(await json(await call('GET', '/api/verify-settings', { cookie: f.users.admin.cookie }))).toEqual({ publicVerify: true });
    expect((await call('PUT', '/api/verify-settings', { cookie: f.users.leader.cookie, json: { publicVerify: false } })).status).toBe(403);
    const off = await call('PUT', '/api/verify-settings', { cookie: f.users.admin.cookie, json: { publicVerify: false } });
    expect(off.status).toBe(200);
    expect(await countRows(`SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ?1 AND action = 'org.verify_settings'`, f.orgId)).toBe(1);
    const unknown = await json(await get(`/api/verify/${newVerifyCode()}`));
    const other = await makeFixture();
    for (const cookie of [undefined, other.users.admin.cookie]) {
      const res = await get(`/api/verify/${code}`, { cookie });
      expect(res.status).toBe(404);
      expect(await json(res)).toEqual(unknown); // says nothing about whether the code exists
      expect((await get(thumbUrl, { cookie })).status).toBe(404);
    }
    for (const u of [f.users.unitB, f.users.leader]) {
      expect((await get(`/api/verify/${code}`, { cookie: u.cookie })).status).toBe(200);
      expect((await get(thumbUrl, { cookie: u.cookie })).status).toBe(200);
    }
    await call('PUT', '/api/verify-settings', { cookie: f.users.admin.cookie, json: { publicVerify: true } });
    expect((await get(`/api/verify/${code}`)).status).toBe(200);
  });
});

describe('verification look-ups are throttled', () => {
  it(`per address (IPv6 per /64): ${VERIFY_LIMIT_PER_ADDRESS.max} per 10 minutes, misses and hits alike`, async () => {
    const f = await makeFixture();
    const { code } = await evidence(f);
    const net = `2001:db8:${Math.floor(rand() * 0xffff).toString(16)}:7`;
    const statuses: number[] = [];
    for (let i = 0; i < VERIFY_LIMIT_PER_ADDRESS.max; i++) {
      statuses.push((await get(`/api/verify/${i % 2 ? code : newVerifyCode()}`, { ip: `${net}::${(i + 1).toString(16)}` })).status);
    }
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    const blocked = await get(`/api/verify/${code}`, { ip: `${net}:ffff:1:2:3` });
    expect(blocked.status).toBe(429);
    expect((await json(blocked)).error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await get(`/api/verify/${code}`, { ip: `${net.replace(/:7$/, ':8')}::1` })).status).toBe(200);
  });

  it(`per signed-in user: ${VERIFY_LIMIT_PER_USER.max} per 10 minutes from any address`, async () => {
    const f = await makeFixture();
    const { code } = await evidence(f);
    for (let i = 0; i < VERIFY_LIMIT_PER_USER.max; i++) {
      expect((await get(`/api/verify/${code}`, { cookie: f.users.unitB.cookie })).status).toBe(200);
    }
    expect((await get(`/api/verify/${code}`, { cookie: f.users.unitB.cookie })).status).toBe(429);
    expect((await get(`/api/verify/${code}`, { cookie: f.users.unitC.cookie })).status).toBe(200);
  });
});
