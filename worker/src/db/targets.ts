// Numeric progress against every extracted target (新增学位 6200 / 11000 个): the value given by
// the latest counted report of a lead unit that reports one.
import type { TargetProgress } from '../../../shared/schemas/dashboard';
import { stmt, type Db } from '../lib/d1';
import type { PlanFrame } from './plan-frame';
import type { TargetRow } from './plans';
import { itemLabel } from '../../../shared/labels';

interface TargetProgressRow extends TargetRow {
  report_id: string | null;
  current: number | null;
  unit_name: string | null;
  period: string | null;
  submitted_at: string | null;
}

export async function listTargetProgress(db: Db, frame: PlanFrame): Promise<TargetProgress[]> {
  // For each target, walk its task's reports newest period first (index reports_item_period_submitted)
  // and stop at the first counted lead-unit report that carries a value for it.
  const { results } = await stmt(
    db,
    `SELECT x.id, x.item_id, x.text, x.value, x.unit, x.report_id, r.period, r.submitted_at, u.name AS unit_name,
            (SELECT json_extract(j.value, '$.value') FROM json_each(r.target_values_json) j
              WHERE json_extract(j.value, '$.targetId') = x.id LIMIT 1) AS current
       FROM (SELECT t.id, t.item_id, t.text, t.value, t.unit, i.seq AS item_seq, t.seq,
                    (SELECT r.id FROM reports r
                      WHERE r.item_id = t.item_id AND r.state <> 'draft' AND r.submitted_at IS NOT NULL
                        AND EXISTS (SELECT 1 FROM item_units iu
                                     WHERE iu.item_id = r.item_id AND iu.unit_id = r.unit_id AND iu.role = 'lead')
                        AND EXISTS (SELECT 1 FROM json_each(r.target_values_json) j
                                     WHERE json_extract(j.value, '$.targetId') = t.id)
                      ORDER BY r.period DESC, r.submitted_at DESC LIMIT 1) AS report_id
               FROM targets t JOIN items i ON i.id = t.item_id
              WHERE i.plan_id = ?1 AND i.kind IN ('indicator', 'task')) x
       LEFT JOIN reports r ON r.id = x.report_id
       LEFT JOIN units u ON u.id = r.unit_id
      ORDER BY x.item_seq, x.seq`,
    frame.plan.id,
  ).all<TargetProgressRow>();
  const items = new Map(frame.items.map((it) => [it.id, it]));
  return results.map((r) => {
    const it = items.get(r.item_id);
    const current = r.current === null ? null : Number(r.current);
    return {
      targetId: r.id,
      itemId: r.item_id,
      number: it?.number ?? '',
      label: it ? itemLabel(it) : '',
      title: it?.title ?? '',
      chapter: it ? (frame.chapters[it.chapter] ?? '') : '',
      text: r.text,
      target: r.value,
      unit: r.unit,
      current,
      ratio: current !== null && r.value > 0 ? Math.round((current / r.value) * 10000) / 10000 : null,
      reportId: r.report_id,
      unitName: r.unit_name,
      period: r.period,
      submittedAt: r.submitted_at,
    };
  });
}
