// GET /api/verify/:code — what a photo carrying this 核验码 proves, for anyone holding the code:
// unit, task label and title, phone time beside server time, the clock flag, review outcome, and
// each photo's SHA-256 with a thumbnail served through this route (not the signed-in photo
// route). Never the report's text, location or reviews: a signed-in caller who may read the
// report gets its id to open it in the app. An organisation can turn the anonymous page off; then
// only its own signed-in users get an answer. Unknown codes, unsent drafts and refused callers
// all get the same 404, so the answer never tells whether a code exists.
// Look-ups are throttled per address (IPv6 per /64) and per signed-in user.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { storedLabel } from '../db/item-labels';
import { VerifyParam, type ReportFlag, type VerifyResponse } from '../../../shared/schemas/report';
import { normaliseVerifyCode, VERIFY_CODE_LENGTH } from '../../../shared/verify-code';
import type { AppEnv, SessionUser } from '../env';
import { hitLimit, type Limit } from '../db/rate-limits';
import { getTaskContext } from '../db/tasks';
import { evidenceByCode, type EvidenceRow } from '../db/verify';
import { addressNet } from '../lib/address';
import { ApiError, notFound } from '../lib/errors';
import { canReadReport } from '../lib/report-access';
import { titleOf } from '../lib/scope';
import { validate } from '../lib/validate';
import { clientIp } from '../middleware/auth';

/**
 * A person checks a handful of photos at a time; 30 look-ups per 10 minutes per address (4 320 a
 * day) is ample for that and makes guessing hopeless: with 100 000 reports among 31^12 ≈ 7.9e17
 * random codes a guess hits with p ≈ 1.3e-13, once in ~5 million years per address. The old
 * 8-character codes (31^8 ≈ 8.5e11, p ≈ 1.2e-7: once in ~5 years at the limit) are open only to
 * the organisation's signed-in users, as they were before.
 */
export const VERIFY_LIMIT_PER_ADDRESS: Limit = { max: 30, windowMs: 10 * 60 * 1000 };
export const VERIFY_LIMIT_PER_USER: Limit = { max: 60, windowMs: 10 * 60 * 1000 };

const NOT_FOUND = '未找到该核验码对应的报送记录。若该单位只允许登录后核验，请先登录本单位账号。';

async function throttle(c: Context<AppEnv>): Promise<void> {
  const db = c.env.DB;
  const now = c.var.now();
  const ip = clientIp(c);
  const user = c.var.user;
  const waits = await Promise.all([
    hitLimit(db, `verify:net:${ip ? addressNet(ip) : '-'}`, VERIFY_LIMIT_PER_ADDRESS, now),
    user ? hitLimit(db, `verify:user:${user.id}`, VERIFY_LIMIT_PER_USER, now) : null,
  ]);
  const wait = Math.max(waits[0] ?? 0, waits[1] ?? 0);
  if (wait > 0) {
    c.header('Retry-After', String(wait));
    throw new ApiError(429, 'rate_limited', `核验次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试`);
  }
}

const inOrg = (user: SessionUser | null, orgId: string): user is SessionUser =>
  !!user && !user.mustChangePassword && (user.role === 'superadmin' || user.orgId === orgId);

/** The evidence behind a code if this caller may see it, else null. */
async function visibleEvidence(c: Context<AppEnv>, raw: string) {
  const code = normaliseVerifyCode(raw);
  const found = code ? await evidenceByCode(c.env.DB, code) : null;
  if (!found) return null;
  const r = found.report;
  // A draft is the unit's own until it is sent: its code proves nothing yet.
  if (!r.first_submitted_at) return null;
  // Old 8-character codes are derived from the report id, so anyone who learns an id can compute
  // one: they stay behind the organisation's sign-in, as they always were. Only random codes open
  // the anonymous page.
  const anonymousOk = r.public_verify === 1 && r.verify_code.length === VERIFY_CODE_LENGTH;
  if (!anonymousOk && !inOrg(c.var.user, r.org_id)) return null;
  return found;
}

async function readerIds(c: Context<AppEnv>, r: EvidenceRow): Promise<{ reportId: string; taskId: string } | null> {
  const user = c.var.user;
  if (!inOrg(user, r.org_id)) return null;
  const task = await getTaskContext(c.env.DB, r.item_id);
  const ref = { orgId: r.org_id, unitId: r.unit_id, firstSubmittedAt: r.first_submitted_at, itemId: r.item_id };
  return task && canReadReport(user, task, ref) ? { reportId: r.id, taskId: r.item_id } : null;
}

const CLOCK_FLAGS: ReportFlag[] = ['clock_skew', 'captured_after_received'];
const REVIEW = { accepted: 'accepted', returned: 'returned' } as const;

const ThumbParam = VerifyParam.extend({ seq: z.coerce.number().int().min(0).max(1000) });

export const verify = new Hono<AppEnv>()
  .get('/:code', validate('param', VerifyParam), async (c) => {
    await throttle(c);
    const found = await visibleEvidence(c, c.req.valid('param').code);
    if (!found) throw notFound(NOT_FOUND);
    const { report: r, photos } = found;
    const ids = await readerIds(c, r);
    const flags = JSON.parse(r.flags_json) as ReportFlag[];
    const res: VerifyResponse = {
      verifyCode: r.verify_code,
      orgName: r.org_name,
      unitName: r.unit_name,
      taskLabel: storedLabel(r),
      taskTitle: titleOf(r.text),
      capturedAt: r.captured_at,
      receivedAt: r.received_at,
      submittedAt: r.first_submitted_at,
      clockFlagged: flags.some((f) => CLOCK_FLAGS.includes(f)),
      review: REVIEW[r.state as keyof typeof REVIEW] ?? 'pending',
      photos: photos.map((p) => ({
        seq: p.seq,
        takenAt: p.taken_at,
        receivedAt: p.received_at,
        sha256: p.sha256,
        size: p.size,
        width: p.width,
        height: p.height,
        thumbUrl: p.thumb_key ? `/api/verify/${r.verify_code}/photos/${p.seq}/thumb` : null,
      })),
      reportId: ids?.reportId ?? null,
      taskId: ids?.taskId ?? null,
    };
    return c.json(res);
  })
  .get('/:code/photos/:seq/thumb', validate('param', ThumbParam), async (c) => {
    const { code, seq } = c.req.valid('param');
    const found = await visibleEvidence(c, code);
    const photo = found?.photos.find((p) => p.seq === seq);
    // Only misses count: the page loads every thumbnail after one (counted) look-up.
    if (!found) await throttle(c);
    if (!photo?.thumb_key) throw notFound('缩略图不存在');
    const object = await c.env.PHOTOS.get(photo.thumb_key);
    if (!object) throw notFound('缩略图文件缺失');
    return new Response(object.body, {
      headers: {
        'Content-Type': photo.thumb_content_type ?? 'image/jpeg',
        'Content-Length': String(object.size),
        'X-Content-Type-Options': 'nosniff',
        // The organisation may turn the page off: a browser may keep it, a shared cache may not.
        'Cache-Control': 'private, max-age=3600',
        'Content-Disposition': 'inline',
      },
    });
  });
