// One plan: its items grouped under their headings, from cache first.
import type { Item, PlanSummary } from '../../../shared/schemas/plan';
import { ITEM_KIND_LABEL } from '../../../shared/labels';
import { formatDate } from '../lib/format';
import { useCached } from '../lib/use-cached';
import type { ScreenProps } from '../router';
import { PlanLights } from '../components/plan-lights';
import { useStore } from '../lib/store';
import { sessionStore } from '../state/session';
import { cachedPlan, fetchPlan } from '../state/plans';

export default function PlanScreen({ params }: ScreenProps) {
  const id = params.id!;
  const session = useStore(sessionStore);
  const role = session.status === 'signed_in' ? session.me.role : null;
  // Leaders and the 督查室: a tappable list with traffic lights (components/plan-lights.tsx).
  if (role === 'leader' || role === 'admin' || role === 'superadmin') return <PlanLights planId={id} />;
  return <PlanDocument id={id} />;
}

function PlanDocument({ id }: { id: string }) {
  const { data, error } = useCached<{ plan: PlanSummary; items: Item[] }>(() => cachedPlan(id), () => fetchPlan(id), [id]);
  if (!data) return <p class={error ? 'empty' : 'loading'}>{error ? error.message : '加载中…'}</p>;
  let lastHeading = '';
  return (
    <section>
      <h1 class="screen-title">{data.plan.title}</h1>
      {error && <p class="note">{error.isNetwork ? '离线：显示的是上次同步的内容' : error.message}</p>}
      <ol class="items">
        {data.items.map((it) => {
          const heading = it.path.join(' › ');
          const showHeading = heading !== lastHeading;
          lastHeading = heading;
          return (
            <li key={it.id} class={it.access === 'title' ? 'item item-title-only' : 'item'}>
              {showHeading && heading && <h2 class="item-heading">{heading}</h2>}
              <div class="item-body">
                <span class={`kind kind-${it.kind}`}>{ITEM_KIND_LABEL[it.kind]}</span>
                <span class="item-number">{it.number}</span>
                <p class="item-text">{it.text}</p>
                {it.access === 'full' && (
                  <p class="meta">
                    {it.leadUnits.length > 0 && <>牵头：{it.leadUnits.map((u) => u.name).join('、')}</>}
                    {it.deadline && <> · 时限：{formatDate(it.deadline)}</>}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
