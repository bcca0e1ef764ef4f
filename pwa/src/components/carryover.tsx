// 上年度未结: last year's open items once a new plan is in. A unit sees them above its task list
// (fix the returned report, answer the 批示); the 督查室 sees every unit's on 总览 and closes
// what is settled otherwise. Kept in IndexedDB meta (cleared at sign-out) for offline reading.
import { useEffect, useState } from 'preact/hooks';
import { itemLabel } from '../../../shared/labels';
import { periodLabel } from '../../../shared/period';
import { api, ApiFailure, unwrap, type Answer } from '../api/client';
import { getMeta, setMeta } from '../db/meta';
import { Link } from '../router';
import { firstPainted } from '../lib/first-paint';
import { sameJson } from '../lib/same-json';
import './thread.css';

type CarryoverEntry = Answer<typeof api.api.carryover.$get>['entries'][number];

function useCarryover(): { entries: CarryoverEntry[]; reload: () => void } {
  const [entries, setEntries] = useState<CarryoverEntry[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    void (async () => {
      // Storage refused (private mode): the list still comes from the network.
      const cached = await getMeta('carryover').catch(() => undefined);
      if (live && cached) setEntries(cached);
      try {
        await firstPainted(); // app start: after the cached list is painted (lib/first-paint.ts)
        const fresh = (await unwrap(api.api.carryover.$get())).entries;
        // The usual answer repeats the stored copy: no re-render, no write.
        if (!live || sameJson(fresh, cached ?? [])) return;
        setEntries(fresh);
        await setMeta('carryover', fresh);
      } catch {
        /* offline: the stored copy stands */
      }
    })();
    return () => {
      live = false;
    };
  }, [tick]);
  return { entries, reload: () => setTick((t) => t + 1) };
}

const label = (e: CarryoverEntry) => `${e.year}年 ${itemLabel(e)}`;
const short = (t: string) => (t.length > 36 ? `${t.slice(0, 36)}…` : t);

/** The unit's 上年度未结 section (nothing when there is nothing open). */
export function CarryoverSection() {
  const { entries } = useCarryover();
  if (entries.length === 0) return null;
  return (
    <section class="card carryover" aria-label="上年度未结">
      <h2 class="card-title">
        上年度未结 <span class="unread-badge">{entries.length}</span>
      </h2>
      <p class="meta">新年度方案已导入，以下上年度事项仍需办结（督查室确认后关闭）。</p>
      <ul class="list">
        {entries.map((e) => (
          <li key={`${e.itemId}-${e.unitId}`} class="carryover-row">
            <strong>{label(e)}</strong>
            <span class="row-text">{short(e.text)}</span>
            {e.returned && (
              <Link class="btn btn-small" href={`/tasks/${e.itemId}/report?period=${e.returned.period}`}>
                {periodLabel(e.returned.period)}报告被退回 · 修改后重新报送
              </Link>
            )}
            {e.unanswered > 0 && (
              <Link class="btn btn-small" href={`/tasks/${e.itemId}#thread`}>
                {e.unanswered} 条批示待回复落实情况
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** 总览 for the 督查室: every unit's open items of past years, each with 关闭. */
export function CarryoverAdminCard() {
  const { entries, reload } = useCarryover();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (entries.length === 0) return null;
  async function close(e: CarryoverEntry) {
    if (!confirm(`确认关闭 ${e.unitName} 的「${label(e)}」上年度未结事项？`)) return;
    setBusy(`${e.itemId}-${e.unitId}`);
    setError(null);
    try {
      await unwrap(api.api.carryover.close.$post({ json: { itemId: e.itemId, unitId: e.unitId, comment: '' } }));
      reload();
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : '关闭失败，请稍后重试');
    } finally {
      setBusy(null);
    }
  }
  return (
    <section class="card carryover" aria-label="上年度未结">
      <h2 class="card-title">
        上年度未结 <span class="unread-badge">{entries.length}</span>
      </h2>
      {error && <p class="form-error">{error}</p>}
      <ul class="list">
        {entries.map((e) => (
          <li key={`${e.itemId}-${e.unitId}`} class="carryover-row">
            <strong>
              {e.unitName} · {label(e)}
            </strong>
            <span class="row-text">{short(e.text)}</span>
            <span class="meta">
              {[e.returned && `${periodLabel(e.returned.period)}报告被退回未重报`, e.unanswered > 0 && `${e.unanswered} 条批示未回复`].filter(Boolean).join('；')}
            </span>
            <button type="button" class="btn btn-small" disabled={busy !== null} onClick={() => void close(e)}>
              {busy === `${e.itemId}-${e.unitId}` ? '关闭中…' : '关闭'}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
