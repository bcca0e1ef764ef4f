// 导入方案 (admin): paste or upload the plan document → preview (items, units, warnings, the
// differences from a plan with the same document number) → map unknown units → commit.
import { useEffect, useState } from 'preact/hooks';
import { CYCLE_LABEL, CYCLES, ITEM_KIND_LABEL, type Cycle } from '../../../shared/labels';
import type { ParsedPlan, UnitResolution } from '../../../shared/schemas/import';
import { api, ApiFailure, unwrap } from '../api/client';
import { ACCEPT, ExtractError, insertAtSelection, planTextFromPaste, readPlanFile } from '../import/read-plan-file';
import { Link } from '../router';

interface DiffSummary {
  planId: string;
  diff: {
    added: Array<{ key: string; item: ParsedPlan['items'][number] }>;
    removed: Array<{ key: string; number: string; text: string }>;
    changed: Array<{ key: string; number: string; fields: string[] }>;
    unchanged: number;
  };
}
interface Preview {
  parsed: ParsedPlan;
  units: UnitResolution[];
  existing: DiffSummary | null;
  issuerMatches: boolean;
}
interface KnownUnit {
  id: string;
  name: string;
  kind: 'unit' | 'group';
}

const FIELD_LABEL: Record<string, string> = {
  text: '内容', path: '所属章节', leadUnits: '牵头单位', coUnits: '责任单位', areas: '责任板块', leaders: '牵头领导', targets: '目标', deadline: '时限',
};

export default function ImportScreen() {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [known, setKnown] = useState<KnownUnit[]>([]);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [cycle, setCycle] = useState<Cycle>('monthly');
  const [dueDay, setDueDay] = useState(25);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ planId: string; summary: string } | null>(null);
  const [reading, setReading] = useState<{ busy: boolean; notes: string[] }>({ busy: false, notes: [] });

  useEffect(() => {
    unwrap<{ units: KnownUnit[] }>(api.api.aliases.$get({ query: {} })).then((r) => setKnown(r.units.filter((u) => u.kind === 'unit')), () => {});
  }, []);

  async function readFile(file: File) {
    setPreview(null);
    setError(null);
    setReading({ busy: true, notes: [] });
    try {
      const extracted = await readPlanFile(file);
      setFileName(file.name);
      setText(extracted.text);
      setReading({ busy: false, notes: extracted.warnings });
    } catch (e) {
      // Nothing half-read is kept: the previous text stays as it was.
      setError(e instanceof ExtractError ? e.message : `无法读取文件：${String(e)}`);
      setReading({ busy: false, notes: [] });
    }
  }

  function paste(e: ClipboardEvent) {
    const planText = planTextFromPaste(e.clipboardData);
    if (planText === null) return;
    e.preventDefault();
    setText(insertAtSelection(e.currentTarget as HTMLTextAreaElement, planText));
    setPreview(null);
  }

  async function runPreview() {
    setBusy('preview');
    setError(null);
    setDone(null);
    try {
      setPreview(await unwrap<Preview>(api.api.imports.preview.$post({ json: { text, fileName } })));
      setMapping({});
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  async function commit() {
    if (!preview) return;
    setBusy('commit');
    setError(null);
    try {
      const aliases = Object.entries(mapping).filter(([, id]) => id).map(([name, unitId]) => ({ name, unitId }));
      const mode = preview.existing ? 'update' : 'create';
      const r = await unwrap<{ planId: string; items?: number; updated?: number; added?: number; removed?: number; kept?: unknown[] }>(
        api.api.imports.commit.$post({ json: { text, fileName, aliases, cycle, dueDay, mode } }),
      );
      setDone({
        planId: r.planId,
        summary: mode === 'create' ? `已导入 ${r.items} 项` : `已更新：修改 ${r.updated} 项，新增 ${r.added} 项，删除 ${r.removed} 项，保留有报告的 ${r.kept?.length ?? 0} 项`,
      });
      setPreview(null);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  const counts = preview?.parsed.items.reduce<Record<string, number>>((m, it) => ((m[it.kind] = (m[it.kind] ?? 0) + 1), m), {});
  const newUnits = preview?.units.filter((u) => u.status === 'new') ?? [];

  return (
    <section class="import">
      <h1 class="screen-title">导入工作方案</h1>
      {done && (
        <p class="note note-ok" role="status">
          {done.summary}。<Link href={`/plans/${done.planId}`}>查看方案</Link>
        </p>
      )}
      <div class="card form">
        <label class="field">
          <span>上传文档（Word .docx、Excel .xlsx、PDF、网页 .html 或文本文件）</span>
          <input type="file" accept={ACCEPT} onChange={(e) => e.currentTarget.files?.[0] && void readFile(e.currentTarget.files[0])} />
        </label>
        {reading.busy && <p class="meta" role="status">正在读取文件…</p>}
        {reading.notes.map((n) => <p key={n} class="note">{n}</p>)}
        <label class="field">
          <span>或粘贴文档内容</span>
          <textarea rows={8} value={text} onPaste={paste} onInput={(e) => { setText(e.currentTarget.value); setPreview(null); }} placeholder="粘贴工作任务分解方案全文…" />
        </label>
        <button type="button" class="btn btn-primary" disabled={!text.trim() || busy !== null} onClick={() => void runPreview()}>
          {busy === 'preview' ? '识别中…' : '预览识别结果'}
        </button>
      </div>
      {busy && <div class="progress progress-indeterminate" role="progressbar" aria-label={busy === 'preview' ? '识别中' : '导入中'} />}
      {error && <p class="form-error" role="alert">{error}</p>}
      {preview && (
        <>
          <div class="card">
            <p class="big">{preview.parsed.plan.title}</p>
            <p class="meta">{preview.parsed.plan.issuer} · {preview.parsed.plan.docNumber ?? '无文号'} · {preview.parsed.plan.year}年</p>
            <p class="counts">
              识别出{' '}
              {Object.entries(counts ?? {}).map(([k, n], i) => (
                <span key={k}>{i > 0 && '，'}<strong>{n}</strong> 项{ITEM_KIND_LABEL[k as keyof typeof ITEM_KIND_LABEL]}</span>
              ))}
              ；涉及 <strong>{preview.units.length}</strong> 个单位
            </p>
            {!preview.issuerMatches && <p class="note">注意：文档的发文机关与本单位不一致。</p>}
          </div>
          {preview.parsed.warnings.length > 0 && (
            <details class="card" open>
              <summary><strong>{preview.parsed.warnings.length}</strong> 处未能识别，请核对原文</summary>
              <ul class="warnings">
                {preview.parsed.warnings.map((w) => <li key={`${w.line}-${w.message}`}>第 {w.line} 行：{w.message}</li>)}
              </ul>
            </details>
          )}
          {newUnits.length > 0 && (
            <div class="card">
              <p><strong>{newUnits.length}</strong> 个新单位：如与已有单位是同一单位的不同写法，请选择对应单位（将记为别名）</p>
              <ul class="unit-map">
                {newUnits.map((u) => (
                  <li key={u.name}>
                    <span>{u.name}<span class="meta">（{u.items} 项）</span></span>
                    <select aria-label={`${u.name} 对应单位`} value={mapping[u.name] ?? ''} onChange={(e) => setMapping({ ...mapping, [u.name]: e.currentTarget.value })}>
                      <option value="">作为新单位</option>
                      {known.map((k) => <option key={k.id} value={k.id}>{k.name}</option>)}
                    </select>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {preview.existing ? (
            <div class="card">
              <p>该文号的方案已导入。与现有方案相比：修改 <strong>{preview.existing.diff.changed.length}</strong> 项，新增 <strong>{preview.existing.diff.added.length}</strong> 项，删除 <strong>{preview.existing.diff.removed.length}</strong> 项，未变 <strong>{preview.existing.diff.unchanged}</strong> 项。</p>
              <details>
                <summary>查看差异</summary>
                <ul class="diff">
                  {preview.existing.diff.changed.map((c) => <li key={c.key}>修改 第{c.number}项：{c.fields.map((f) => FIELD_LABEL[f] ?? f).join('、')}</li>)}
                  {preview.existing.diff.added.map((a) => <li key={a.key}>新增 第{a.item.number}项：{a.item.text.slice(0, 40)}</li>)}
                  {preview.existing.diff.removed.map((r) => <li key={r.key}>删除 第{r.number}项：{r.text.slice(0, 40)}（已有报告的将保留）</li>)}
                </ul>
              </details>
              <div class="actions">
                <button type="button" class="btn" onClick={() => setPreview(null)}>保留现有方案</button>
                <button type="button" class="btn btn-primary" disabled={busy !== null} onClick={() => void commit()}>按新文档更新</button>
              </div>
            </div>
          ) : (
            <div class="card form">
              <div class="row">
                <label class="field">
                  <span>报送周期</span>
                  <select value={cycle} onChange={(e) => setCycle(e.currentTarget.value as Cycle)}>
                    {CYCLES.map((c) => <option key={c} value={c}>{CYCLE_LABEL[c]}</option>)}
                  </select>
                </label>
                <label class="field">
                  <span>截止日（每期最后一月的几号）</span>
                  <input type="number" min={1} max={31} value={dueDay} onInput={(e) => setDueDay(Number(e.currentTarget.value) || 25)} />
                </label>
              </div>
              <button type="button" class="btn btn-primary" disabled={busy !== null} onClick={() => void commit()}>
                {busy === 'commit' ? '导入中…' : `确认导入 ${preview.parsed.items.length} 项`}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
