// 编辑任务 (督查室): after import, correct the task's text and targets, reassign lead and co-units
// and leaders, and set the deadline. Saved with the version read, so two editors never overwrite
// each other silently; a kept target keeps its id (reports carry their figures by it).
import { useEffect, useState } from 'preact/hooks';
import type { Directory, TaskOverview } from '../../../shared/schemas/dashboard';
import type { ItemEditBody } from '../../../shared/schemas/edit';
import { api, ApiFailure, unwrap } from '../api/client';
import { Message, Options } from '../components/form-bits';
import './leader.css';
import { Link, navigate, type ScreenProps } from '../router';

interface Ref {
  id: string;
  name: string;
}

interface TargetRow {
  id?: string;
  key: string;
  text: string;
  value: string;
  unit: string;
}

function TargetsEditor({ rows, onChange }: { rows: TargetRow[]; onChange: (next: TargetRow[]) => void }) {
  const set = (i: number, patch: Partial<TargetRow>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <fieldset class="field">
      <legend>目标</legend>
      <ul class="edit-list target-rows" aria-label="目标">
        {rows.length === 0 && <li class="meta">（无）</li>}
        {rows.map((r, i) => (
          <li key={r.key} class="target-row">
            <input aria-label={`目标 ${i + 1} 内容`} value={r.text} placeholder="如 新增学位11000个" onInput={(e) => set(i, { text: e.currentTarget.value })} />
            <input aria-label={`目标 ${i + 1} 数值`} inputMode="decimal" value={r.value} onInput={(e) => set(i, { value: e.currentTarget.value })} />
            <input aria-label={`目标 ${i + 1} 单位`} value={r.unit} placeholder="个" onInput={(e) => set(i, { unit: e.currentTarget.value })} />
            <button type="button" class="btn btn-small" aria-label={`移除目标 ${i + 1}`} onClick={() => onChange(rows.filter((_, k) => k !== i))}>
              移除
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="btn" onClick={() => onChange([...rows, { key: crypto.randomUUID(), text: '', value: '', unit: '' }])}>
        ＋ 添加目标
      </button>
    </fieldset>
  );
}

/** The rows as the API takes them, or the first problem in Chinese. */
function targetsBody(rows: TargetRow[]): NonNullable<ItemEditBody['targets']> | string {
  const out: NonNullable<ItemEditBody['targets']> = [];
  for (const [i, r] of rows.entries()) {
    const value = Number(r.value);
    if (!r.text.trim()) return `目标 ${i + 1} 的内容不能为空`;
    if (r.value.trim() === '' || !Number.isFinite(value) || value < 0) return `目标 ${i + 1} 的数值应为不小于 0 的数字`;
    out.push({ ...(r.id ? { id: r.id } : {}), text: r.text.trim(), value, unit: r.unit.trim() });
  }
  return out;
}

function Picker({ label, chosen, options, onChange }: { label: string; chosen: Ref[]; options: Ref[]; onChange: (next: Ref[]) => void }) {
  const left = options.filter((o) => !chosen.some((c) => c.id === o.id));
  return (
    <fieldset class="field">
      <legend>{label}</legend>
      <ul class="edit-list" aria-label={label}>
        {chosen.length === 0 && <li class="meta">（无）</li>}
        {chosen.map((c) => (
          <li key={c.id}>
            <span>{c.name}</span>
            <button type="button" class="btn btn-small" aria-label={`移除 ${c.name}`} onClick={() => onChange(chosen.filter((x) => x.id !== c.id))}>
              移除
            </button>
          </li>
        ))}
      </ul>
      <select
        aria-label={`添加${label}`}
        value=""
        onChange={(e) => {
          const pick = options.find((o) => o.id === e.currentTarget.value);
          if (pick) onChange([...chosen, pick]);
        }}
      >
        <Options empty={`＋ 添加${label}`} items={left} />
      </select>
    </fieldset>
  );
}

export default function TaskEditScreen({ params, query }: ScreenProps) {
  const id = params.id!;
  const period = query.get('period');
  const [data, setData] = useState<{ o: TaskOverview; dir: Directory } | null>(null);
  const [lead, setLead] = useState<Ref[]>([]);
  const [co, setCo] = useState<Ref[]>([]);
  const [leaders, setLeaders] = useState<Ref[]>([]);
  const [deadline, setDeadline] = useState('');
  const [text, setText] = useState('');
  const [targets, setTargets] = useState<TargetRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    (async () => {
      const o = await unwrap(api.api.tasks[':id'].overview.$get({ param: { id }, query: period ? { period } : {} }));
      const dir = await unwrap(api.api.plans[':id'].directory.$get({ param: { id: o.plan.id } }));
      if (!live) return;
      setData({ o, dir });
      setLead(o.item.leadUnits);
      setCo(o.item.coUnits);
      setLeaders(o.item.leaders);
      setDeadline(o.item.deadline ?? '');
      setText(o.item.text);
      setTargets(o.item.targets.map((t) => ({ id: t.id, key: t.id, text: t.text, value: String(t.value), unit: t.unit })));
    })().catch((e: unknown) => live && setError(e instanceof ApiFailure ? e.message : '加载失败'));
    return () => {
      live = false;
    };
  }, [id]);

  if (!data) return <p class={error ? 'empty' : 'loading'}>{error ?? '加载中…'}</p>;
  const { o, dir } = data;
  const back = `/overview/tasks/${id}?plan=${o.plan.id}&period=${o.period}`;
  const units = dir.units.map((u) => ({ id: u.id, name: u.kind === 'group' ? `${u.name}（统称）` : u.name }));

  async function save(e: Event) {
    e.preventDefault();
    const t = targetsBody(targets);
    if (typeof t === 'string') return setError(t);
    if (!text.trim()) return setError('任务内容不能为空');
    setBusy(true);
    setError(null);
    const before = o.item.targets.map(({ id, text, value, unit }) => ({ id, text, value, unit }));
    const body: ItemEditBody = {
      version: o.item.version,
      leadUnitIds: lead.map((u) => u.id),
      coUnitIds: co.map((u) => u.id),
      leaderIds: leaders.map((l) => l.id),
      deadline: deadline || null,
      ...(text.trim() !== o.item.text ? { text: text.trim() } : {}),
      ...(JSON.stringify(t) !== JSON.stringify(before) ? { targets: t } : {}),
    };
    try {
      await unwrap(api.api.tasks[':id'].$patch({ param: { id }, json: body }));
      navigate(back, { replace: true });
    } catch (err) {
      setError(err instanceof ApiFailure ? (err.status === 409 ? '该任务已被他人修改，请返回后重新打开再编辑。' : err.message) : '保存失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <p class="meta">
        <Link href={back}>‹ 返回任务</Link>
      </p>
      <h1 class="screen-title">编辑任务 {o.item.number}</h1>
      <form class="card form" onSubmit={save}>
        <label class="field">
          <span>任务内容</span>
          <textarea rows={5} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <TargetsEditor rows={targets} onChange={setTargets} />
        <Picker label="牵头单位" chosen={lead} options={units} onChange={(next) => setLead(next)} />
        <Picker label="责任单位" chosen={co} options={units.filter((u) => !lead.some((l) => l.id === u.id))} onChange={setCo} />
        <Picker label="分管领导" chosen={leaders} options={dir.leaders} onChange={setLeaders} />
        <label class="field">
          <span>时限</span>
          <input type="date" value={deadline} onInput={(e) => setDeadline(e.currentTarget.value)} />
        </label>
        {lead.some((l) => co.some((c) => c.id === l.id)) && <p class="form-error">同一单位不能既是牵头单位又是责任单位</p>}
        <Message text={error} />
        <button class="btn btn-primary btn-block" type="submit" disabled={busy || lead.some((l) => co.some((c) => c.id === l.id))}>
          {busy ? '保存中…' : '保存'}
        </button>
      </form>
    </section>
  );
}
