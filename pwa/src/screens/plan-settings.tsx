// 报送周期设置 (督查室): the plan's reporting cycle and due day, set after import.
import { useEffect, useState } from 'preact/hooks';
import { CYCLE_LABEL, CYCLES, type Cycle } from '../../../shared/labels';
import { dueDateOf, periodLabel, periodsOfYear } from '../../../shared/period';
import type { PlanSummary } from '../../../shared/schemas/plan';
import { api, ApiFailure, unwrap } from '../api/client';
import { formatDate } from '../lib/format';
import { Link, type ScreenProps } from '../router';
import { fetchPlans } from '../state/plans';
import './leader.css';

export default function PlanSettingsScreen({ params }: ScreenProps) {
  const id = params.id!;
  const [plan, setPlan] = useState<PlanSummary | null>(null);
  const [cycle, setCycle] = useState<Cycle>('monthly');
  const [dueDay, setDueDay] = useState(25);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void fetchPlans().then((plans) => {
      const p = plans.find((x) => x.id === id) ?? null;
      setPlan(p);
      if (p) {
        setCycle(p.cycle);
        setDueDay(p.dueDay);
      }
    }, (e: unknown) => setMessage({ ok: false, text: e instanceof ApiFailure ? e.message : '加载失败' }));
  }, [id]);

  if (!plan) return <p class={message ? 'empty' : 'loading'}>{message?.text ?? '加载中…'}</p>;
  const first = periodsOfYear(plan.year, cycle)[0]!;

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const res = await unwrap(api.api.plans[':id'].$patch({ param: { id }, json: { cycle, dueDay } }));
      setMessage({ ok: true, text: `已保存：${CYCLE_LABEL[res.plan.cycle]}报送，每期${res.plan.dueDay}日截止` });
      void fetchPlans();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiFailure ? err.message : '保存失败，请稍后重试' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <p class="meta">
        <Link href={`/overview?plan=${id}`}>‹ 总览</Link>
      </p>
      <h1 class="screen-title">报送周期设置</h1>
      <p class="meta">{plan.title}</p>
      <form class="card form" onSubmit={save}>
        <label class="field">
          <span>报送周期</span>
          <select value={cycle} onChange={(e) => setCycle(e.currentTarget.value as Cycle)}>
            {CYCLES.map((c) => (
              <option key={c} value={c}>
                {CYCLE_LABEL[c]}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>截止日（每期最后一个月的第几日）</span>
          <input type="number" inputMode="numeric" min={1} max={31} value={dueDay} onInput={(e) => setDueDay(Number(e.currentTarget.value))} />
        </label>
        <p class="meta">
          例如：{periodLabel(first)}的报告须于 {formatDate(dueDateOf(first, Math.min(31, Math.max(1, dueDay || 1))))} 前报送。已报送的报告保留原周期。
        </p>
        {message && (
          <p class={message.ok ? 'note note-ok' : 'form-error'} role="status">
            {message.text}
          </p>
        )}
        <button class="btn btn-primary btn-block" type="submit" disabled={busy || !(dueDay >= 1 && dueDay <= 31)}>
          {busy ? '保存中…' : '保存'}
        </button>
      </form>
    </section>
  );
}
