// 编辑任务 (督查室): after import, reassign lead and co-units and leaders, and set the deadline.
// Saved with the version read, so two editors never overwrite each other silently.
import { useEffect, useState } from 'preact/hooks';
import type { Directory, TaskOverview } from '../../../shared/schemas/dashboard';
import type { ItemEditBody } from '../../../shared/schemas/edit';
import { api, ApiFailure, unwrap } from '../api/client';
import './leader.css';
import { Link, navigate, type ScreenProps } from '../router';

interface Ref {
  id: string;
  name: string;
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
        <option value="">＋ 添加{label}</option>
        {left.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
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
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    (async () => {
      const o = await unwrap<TaskOverview>(api.api.items[':id'].overview.$get({ param: { id }, query: period ? { period } : {} }));
      const dir = await unwrap<Directory>(api.api.plans[':id'].directory.$get({ param: { id: o.plan.id } }));
      if (!live) return;
      setData({ o, dir });
      setLead(o.item.leadUnits);
      setCo(o.item.coUnits);
      setLeaders(o.item.leaders);
      setDeadline(o.item.deadline ?? '');
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
    setBusy(true);
    setError(null);
    const body: ItemEditBody = {
      version: o.item.version,
      leadUnitIds: lead.map((u) => u.id),
      coUnitIds: co.map((u) => u.id),
      leaderIds: leaders.map((l) => l.id),
      deadline: deadline || null,
    };
    try {
      await unwrap(api.api.items[':id'].$patch({ param: { id }, json: body }));
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
      <p class="meta">{o.item.text.length > 80 ? `${o.item.text.slice(0, 80)}…` : o.item.text}</p>
      <form class="card form" onSubmit={save}>
        <Picker label="牵头单位" chosen={lead} options={units} onChange={(next) => setLead(next)} />
        <Picker label="责任单位" chosen={co} options={units.filter((u) => !lead.some((l) => l.id === u.id))} onChange={setCo} />
        <Picker label="分管领导" chosen={leaders} options={dir.leaders} onChange={setLeaders} />
        <label class="field">
          <span>时限</span>
          <input type="date" value={deadline} onInput={(e) => setDeadline(e.currentTarget.value)} />
        </label>
        {lead.some((l) => co.some((c) => c.id === l.id)) && <p class="form-error">同一单位不能既是牵头单位又是责任单位</p>}
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <button class="btn btn-primary btn-block" type="submit" disabled={busy || lead.some((l) => co.some((c) => c.id === l.id))}>
          {busy ? '保存中…' : '保存'}
        </button>
      </form>
    </section>
  );
}
