// A report is written twice: loadReports() + linkReport() build it in the Worker (single reports,
// task lists), db/report-json.ts has SQLite write it as JSON text for the sync's bulk pages. This
// test makes reports of every shape through the API — photos arrived or not, thumbnails, GPS with
// and without accuracy and with long fractions, reviews, resubmissions, clock-skew flags, text
// with quotes, backslashes, line breaks and emoji — and requires both to give the same value.
import { env } from 'cloudflare:workers';
import { CLIENT_TIME_HEADER } from '../../shared/labels';
import { describe, expect, it } from 'vitest';
import { readableReportsJson } from '../../worker/src/db/report-json';
import type { SessionUser } from '../../worker/src/env';
import { filterVisibleReports, loadReports } from '../../worker/src/db/report-read';
import { linkReport, PHOTO_URL_PARTS } from '../../worker/src/lib/photo-links';
import { jpeg } from './images';
import { MARCH_20, putPhoto, putReport, reportAndSubmit, reportBody, review, submit, uid } from './reports-support';
import { call, json, makeFixture } from './support';

const STRANGE_TEXT = '引号"与\\反斜杠\n第二行\t制表 \u2028 emoji 🚧 </script>';

describe('the sync’s SQL-built report JSON and the Worker-built report are twins', () => {
  it('agree on every report of every shape, and skip unknown ids', async () => {
    const f = await makeFixture();
    const a = f.users.unitA.cookie;
    const ids: string[] = [];

    // Minimal: no location, no photos, no targets, empty texts.
    ids.push(await reportAndSubmit(a, reportBody(f, { location: undefined, targetValues: [], problems: '', nextSteps: '' })));
    // Long fractions (a double needs 17 digits), no accuracy, strange text.
    ids.push(
      await reportAndSubmit(a, reportBody(f, {
        taskId: f.items.indicator,
        location: { lat: 31.298912345678912, lng: 120.58531999999999 },
        progress: STRANGE_TEXT,
        problems: STRANGE_TEXT,
        targetValues: [],
      })),
    );

    // Two photos, one with its thumbnail, one without; then returned with a comment, changed,
    // resubmitted and accepted (two revisions, two reviews).
    const withPhotos = uid();
    const [p1, p2, p3] = [uid(), uid(), uid()];
    const photos = [
      { id: p1, takenAt: '2024-03-20T03:50:00.000Z', location: { lat: 31.1, lng: 120.2, accuracy: 5.5 } },
      { id: p2, location: { lat: 0.1 + 0.2, lng: 120 } },
    ];
    expect((await putReport(a, withPhotos, reportBody(f, { period: '2024-02', photos, targetValues: [{ targetId: f.targetA, value: 0.1 + 0.2 }] }))).status).toBe(200);
    expect((await putPhoto(a, withPhotos, p1, jpeg())).status).toBe(200);
    expect((await putPhoto(a, withPhotos, p1, jpeg({ width: 32, height: 24 }), { thumb: true })).status).toBe(200);
    expect((await putPhoto(a, withPhotos, p2, jpeg())).status).toBe(200);
    expect((await submit(a, withPhotos)).status).toBe(200);
    expect((await review(f.users.admin.cookie, withPhotos, 'returned', STRANGE_TEXT)).status).toBe(200);
    expect((await putReport(a, withPhotos, reportBody(f, { period: '2024-02', photos, percent: 55 }))).status).toBe(200);
    expect((await submit(a, withPhotos)).status).toBe(200);
    expect((await review(f.users.admin.cookie, withPhotos, 'accepted')).status).toBe(200);
    ids.push(withPhotos);

    // A draft whose photo has not arrived, and a report from a phone whose clock is a day behind (flagged).
    const draft = uid();
    expect((await putReport(a, draft, reportBody(f, { period: '2024-01', percent: 0, photos: [{ id: p3 }] }))).status).toBe(200);
    ids.push(draft);
    const skewed = uid();
    const day = 24 * 3600 * 1000;
    const late = await putReport(f.users.unitB.cookie, skewed, reportBody(f, { taskId: f.items.taskB, targetValues: [], capturedAt: new Date(MARCH_20.getTime() - day).toISOString() }), {
      headers: { [CLIENT_TIME_HEADER]: new Date(MARCH_20.getTime() - day).toISOString() },
    });
    expect(late.status).toBe(200);
    ids.push(skewed);

    const fromWorker = (await loadReports(env.DB, ids)).map(linkReport);
    const admin = { id: f.users.admin.id, role: 'admin', orgId: f.orgId, unitId: null } as SessionUser;
    const fromSql = await readableReportsJson(env.DB, admin, f.orgId, [...ids, uid()], PHOTO_URL_PARTS);
    expect(fromSql.size).toBe(ids.length); // the unknown id is skipped
    for (const report of fromWorker) expect(JSON.parse(fromSql.get(report.id)!), report.id).toStrictEqual(report);

    // Readers other than the office get what filterVisibleReports (VISIBLE_REPORT_SQL) lets them.
    for (const who of ['unitA', 'unitB', 'unitC', 'leader'] as const) {
      const u = f.users[who];
      const role = who === 'leader' ? 'leader' : 'unit';
      const unitId = who === 'leader' ? null : f.units[who.slice(-1).toLowerCase() as 'a' | 'b' | 'c'];
      const reader = { id: u.id, role, orgId: f.orgId, unitId } as SessionUser;
      const got = [...(await readableReportsJson(env.DB, reader, f.orgId, ids, PHOTO_URL_PARTS)).keys()].sort();
      expect(got, who).toEqual([...(await filterVisibleReports(env.DB, reader, f.orgId, ids))].sort());
    }
    expect((await readableReportsJson(env.DB, { ...admin, orgId: uid() }, uid(), ids, PHOTO_URL_PARTS)).size).toBe(0);

    // The world exercises what the SQL spells by hand.
    const all = fromWorker;
    expect(all.some((r) => r.location === null)).toBe(true);
    expect(all.some((r) => r.location && !('accuracy' in r.location))).toBe(true);
    expect(all.some((r) => r.flags.length > 0)).toBe(true);
    const shaped = all.find((r) => r.id === withPhotos)!;
    expect(shaped.photos.map((p) => [p.received, p.thumbReceived])).toEqual([[true, true], [true, false]]);
    expect(all.find((r) => r.id === draft)!.photos.map((p) => [p.received, p.url])).toEqual([[false, null]]);
    expect(shaped.reviews.map((v) => v.decision)).toEqual(['returned', 'accepted']);
    expect(shaped.history.length).toBeGreaterThan(0); // the submission it replaced

    // And the sync answer a phone gets carries exactly these reports.
    const page = await json<{ reports: unknown[] }>(await call('GET', '/api/sync', { cookie: f.users.admin.cookie }));
    for (const report of fromWorker) expect(page.reports).toContainEqual(report);
  });
});
