-- One label per item within its plan (issue 14): 指标 3 / 任务 12, or 任务 二.3 when a plan restarts
-- its numbering and the same number occurs twice. Decided by the server at import and update
-- (shared/item-labels.ts planItemLabels); existing rows are backfilled here by the same rule:
-- numbering runs per kind in document order (a new run whenever the number does not go up),
-- the run's Chinese numeral in front of a repeated number, a -1, -2 suffix if still shared.
ALTER TABLE items ADD COLUMN label TEXT;

WITH ordered AS (
  SELECT id, plan_id, kind, number, seq, CAST(number AS INTEGER) AS value,
         LAG(CAST(number AS INTEGER)) OVER (PARTITION BY plan_id, kind ORDER BY seq) AS prev
    FROM items
), runs AS (
  SELECT *,
         1 + SUM(CASE WHEN prev IS NULL OR value > prev THEN 0 ELSE 1 END)
               OVER (PARTITION BY plan_id, kind ORDER BY seq ROWS UNBOUNDED PRECEDING) AS run,
         COUNT(*) OVER (PARTITION BY plan_id, kind, number) AS same
    FROM ordered
), wanted AS (
  SELECT id, plan_id, seq,
         CASE kind WHEN 'indicator' THEN '指标' WHEN 'draft' THEN '待确认' ELSE '任务' END ||
         CASE
           WHEN number = '' THEN ''
           WHEN same < 2 THEN ' ' || number
           ELSE ' ' ||
             CASE
               WHEN run < 10 THEN substr('零一二三四五六七八九', run + 1, 1)
               WHEN run < 100 THEN
                 (CASE WHEN run / 10 = 1 THEN '' ELSE substr('零一二三四五六七八九', run / 10 + 1, 1) END) || '十' ||
                 (CASE WHEN run % 10 = 0 THEN '' ELSE substr('零一二三四五六七八九', run % 10 + 1, 1) END)
               ELSE CAST(run AS TEXT)
             END || '.' || number
         END AS w
    FROM runs
), final AS (
  SELECT id,
         w || CASE WHEN COUNT(*) OVER (PARTITION BY plan_id, w) > 1
                   THEN '-' || ROW_NUMBER() OVER (PARTITION BY plan_id, w ORDER BY seq) ELSE '' END AS label
    FROM wanted
)
UPDATE items SET label = (SELECT label FROM final WHERE final.id = items.id);
