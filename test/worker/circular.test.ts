// The circular (通报): summary figures, units ranked by results, 滞后 tasks, units that have not
// reported — as JSON and as a workbook read back cell by cell. Scenario: dashboard-support.ts.
import { describe, expect, it } from 'vitest';
import { CircularResponse } from '../../shared/schemas/dashboard';
import { readXlsx, readXlsxLinks } from '../support/xlsx-read';
import { MARCH_20, MARCH_28, scenario } from './dashboard-support';
import { call, json } from './support';

describe('GET /api/plans/:id/circular', () => {
  it('sums up the period, ranks units by on-time reporting then completion, and lists laggards', async () => {
    const { f, taskC } = await scenario();
    const res = await call('GET', `/api/plans/${f.planId}/circular?period=2024-03`, { cookie: f.users.admin.cookie, now: MARCH_28 });
    expect(res.status).toBe(200);
    const c = CircularResponse.parse(await json(res));
    expect(c.periodLabel).toBe('2024年3月');
    expect(c.figures.reporting).toMatchObject({ pairs: 5, reported: 3, onTime: 2, late: 1, missing: 2, onTimeRate: 0.4 });
    expect(c.figures.taskColours.red).toBe(2);
    expect(c.summary).toContain('截至2024年3月25日');
    expect(c.summary).toContain('2024年3月应报送5项次（4项任务、3个牵头单位），已报送3项次，其中按时报送2项次、逾期补报1项次，按时报送率40%');
    expect(c.summary).toContain('逾期未报2项次，涉及2个单位');
    expect(c.summary).toContain('滞后1项次');
    expect(c.summary).toContain('亮红灯（滞后或逾期）的任务2项');

    // A: on time 1/2, mean 40%; B: on time 1/2, mean 5%, one 滞后; C: 0/1.
    expect(c.units.map((u) => [u.rank, u.name, u.onTimeRate, u.avgPercent])).toEqual([
      [1, '单位A', 0.5, 40],
      [2, '单位B', 0.5, 5],
      [3, '单位C', 0, 0],
    ]);
    expect(c.units[1]).toMatchObject({ tasks: 2, reported: 1, onTime: 1, late: 0, missing: 1, behind: 1 });

    expect(c.lagging.map((t) => t.id)).toEqual([f.items.taskB, taskC]);
    expect(c.lagging[0]).toMatchObject({ labels: ['单位B：逾期未报'], percent: null, problems: '', chapter: '交通' });
    expect(c.lagging[1]).toMatchObject({
      labels: ['单位B：滞后', '单位C：逾期未报'],
      leadUnits: ['单位B', '单位C'],
      leaders: ['张领导'],
      percent: 10,
      problems: '征地拆迁未完成',
    });
    expect(c.missing.map((u) => [u.name, u.tasks.map((t) => t.id)])).toEqual([
      ['单位B', [f.items.taskB]],
      ['单位C', [taskC]],
    ]);
  });

  it('ranks equal results equally, and never by the number of reports', async () => {
    const { f } = await scenario();
    // February: A on time 1/2 (0%); B 0/2 on time (taskB late, 已完成 100% → mean 50); C 0/1.
    // B is ahead of C: it reported (late) and C did not — a result, said by RANKING_RULE — not
    // because it sent more reports.
    const c = CircularResponse.parse(
      await json(await call('GET', `/api/plans/${f.planId}/circular?period=2024-02`, { cookie: f.users.admin.cookie, now: MARCH_28 })),
    );
    expect(c.units.map((u) => [u.rank, u.name, u.onTimeRate, u.avgPercent])).toEqual([
      [1, '单位A', 0.5, 0],
      [2, '单位B', 0, 50],
      [3, '单位C', 0, 0],
    ]);
    // January: nobody reported; all three share rank 1.
    const jan = CircularResponse.parse(
      await json(await call('GET', `/api/plans/${f.planId}/circular?period=2024-01`, { cookie: f.users.admin.cookie, now: MARCH_28 })),
    );
    expect(jan.units.map((u) => u.rank)).toEqual([1, 1, 1]);
  });

  it('before the due day says what is still to come instead of overdue', async () => {
    const { f } = await scenario();
    const c = CircularResponse.parse(
      await json(await call('GET', `/api/plans/${f.planId}/circular?period=2024-03`, { cookie: f.users.leader.cookie, now: MARCH_20 })),
    );
    expect(c.pastDue).toBe(false);
    expect(c.summary).toContain('截至2024年3月20日');
    expect(c.summary).toContain('尚有2项次未报送（3月25日截止）');
  });

  it('is not for unit accounts', async () => {
    const { f } = await scenario();
    expect((await call('GET', `/api/plans/${f.planId}/circular`, { cookie: f.users.unitA.cookie })).status).toBe(403);
    expect((await call('GET', `/api/plans/${f.planId}/circular.xlsx`, { cookie: f.users.unitA.cookie })).status).toBe(403);
  });
});

describe('GET /api/plans/:id/circular.xlsx', () => {
  it('exports the same tables plus every report of the period with photo links', async () => {
    const { f, reports, photos } = await scenario();
    const res = await call('GET', `/api/plans/${f.planId}/circular.xlsx?period=2024-03`, { cookie: f.users.admin.cookie, now: MARCH_28 });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    expect(res.headers.get('content-disposition')).toContain('circular-2024-03.xlsx');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const book = readXlsx(bytes);
    expect(Object.keys(book)).toEqual(['通报', '单位排名', '滞后任务', '未报送单位', '本期报告']);

    const summary = book['通报']!;
    expect(summary[0]).toEqual(['项目', '内容']);
    expect(summary.find((r) => r[0] === '按时报送率')![1]).toBe('40%');
    expect(summary.find((r) => r[0] === '应报送（项次）')![1]).toBe('5');

    expect(book['单位排名']!.slice(1).map((r) => [r[0], r[1], r[7], r[8]])).toEqual([
      ['1', '单位A', '50', '40'],
      ['2', '单位B', '50', '5'],
      ['3', '单位C', '0', '0'],
    ]);
    const lag = book['滞后任务']!;
    expect(lag).toHaveLength(3);
    expect(lag[2]![5]).toBe('单位B：滞后；单位C：逾期未报');
    expect(lag[2]![7]).toBe('征地拆迁未完成');
    expect(book['未报送单位']!.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['单位B', '1'],
      ['单位C', '1'],
    ]);

    // Counted reports of March: indicator·A, taskA·A, taskA·C (co-unit), taskC·B — not the draft.
    const all = book['本期报告']!;
    expect(all[0]![0]).toBe('编号');
    // 指标 N / 任务 N: the indicator and the tasks never share a bare number (docs/ARCHITECTURE.md).
    expect(all.slice(1).map((r) => r[0])[0]).toMatch(/^指标 /);
    expect(all.slice(1).map((r) => r[0])[1]).toMatch(/^任务 /);
    const rows = all.slice(1);
    expect(rows.map((r) => [r[2], r[3]])).toEqual([
      ['单位A', '牵头'],
      ['单位A', '牵头'],
      ['单位C', '责任'],
      ['单位B', '牵头'],
    ]);
    const taskAA = rows[1]!;
    expect(taskAA[4]).toBe('正常推进');
    expect(taskAA[12]).toBe('逾期补报');
    expect(taskAA[13]).toBe('补报');
    expect(taskAA[10]).toBe('2024年3月27日 10:00');
    // One clickable column per photo, as many as the report with the most photos has.
    expect(all[0]!.slice(15)).toEqual(['照片1', '照片2']);
    expect(taskAA.slice(15)).toEqual(['照片1', '照片2']);
    expect(rows.filter((r) => r !== taskAA).every((r) => (r[15] ?? '') === '' && (r[16] ?? '') === '')).toBe(true);
    // taskAA is the sheet's third row; its links are the only ones, straight to the photos.
    expect(readXlsxLinks(bytes)['本期报告']).toEqual({
      P3: `http://localhost/api/reports/${reports.taskAA}/photos/${photos.a1}`,
      Q3: `http://localhost/api/reports/${reports.taskAA}/photos/${photos.a2}`,
    });
    // The indicator's first submission (24 March) counts, not the resubmission of 27 March.
    expect(rows[0]![12]).toBe('按时');
    expect(rows[0]![10]).toBe('2024年3月24日 10:00');
    expect(rows[0]![11]).toBe('2024年3月27日 10:00');
  });
});
