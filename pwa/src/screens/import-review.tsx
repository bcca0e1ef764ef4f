// The import preview the clerk works through before committing: plan fields, corrections kept from
// an earlier import, near-duplicate unit names, every item with its warnings and an inline editor.
// Every fix is a correction sent back to the server, which re-parses and answers the new preview.
import { useState } from 'preact/hooks';
import { describeCorrection, isHeadingLine } from '../../../shared/import/corrections';
import { splitLines } from '../../../shared/import/text';
import { CYCLE_LABEL, CYCLES, ITEM_KIND_LABEL, type Cycle } from '../../../shared/labels';
import type { ImportWarning, ParsedItem, ParsedPlan, UnitResolution } from '../../../shared/schemas/import';
import type { Correction, SameUnitSuggestion } from '../../../shared/schemas/import-corrections';
import type { Answer, api } from '../api/client';
import { ImportItem } from './import-item';
import './import-review.css';

/** The route's answers (worker/src/routes/imports.ts), not copies of them. */
export type Preview = Answer<typeof api.api.imports.preview.$post>;
export type KnownUnit = Answer<typeof api.api.aliases.$get>['units'][number];

export interface CommitChoices {
  cycle: Cycle;
  dueDay: number;
  aliases: Array<{ name: string; unitId: string }>;
}

const FIELD_LABEL: Record<string, string> = {
  text: '内容', path: '所属章节', leadUnits: '牵头单位', coUnits: '责任单位', areas: '责任板块', leaders: '牵头领导', targets: '目标', deadline: '时限',
};

/** The parser's reporting rule, when it read one (an optional field of the parsed header). */
function suggested(plan: ParsedPlan['plan']): { cycle?: Cycle; dueDay?: number } {
  const p = plan as { cycle?: Cycle | null; dueDay?: number | null };
  return { cycle: p.cycle ?? undefined, dueDay: p.dueDay ?? undefined };
}

export function effectiveSettings(p: Preview): { cycle: Cycle; dueDay: number } {
  const s = suggested(p.parsed.plan);
  return { cycle: p.settings.cycle ?? s.cycle ?? 'monthly', dueDay: p.settings.dueDay ?? s.dueDay ?? 25 };
}

function PlanFields({ preview, busy, onCorrect }: { preview: Preview; busy: boolean; onCorrect: (op: Correction) => void }) {
  const plan = preview.parsed.plan;
  const now = effectiveSettings(preview);
  const [title, setTitle] = useState(plan.title);
  const [issuer, setIssuer] = useState(plan.issuer);
  const [docNumber, setDocNumber] = useState(plan.docNumber ?? '');
  const [year, setYear] = useState(String(plan.year || ''));
  const [cycle, setCycle] = useState<Cycle>(now.cycle);
  const [dueDay, setDueDay] = useState(String(now.dueDay));
  const [error, setError] = useState<string | null>(null);
  // The sentence the parser read the reporting rule from, whatever the parser names it.
  const rule = ['cycleSource', 'cycleSentence', 'cycleText', 'reportingRule', 'source'].map((k) => (plan as Record<string, unknown>)[k]).find((v) => typeof v === 'string' && v);

  function save(e: Event) {
    e.preventDefault();
    const op: Extract<Correction, { op: 'plan' }> = { op: 'plan' };
    if (title.trim() && title.trim() !== plan.title) op.title = title.trim();
    if (issuer.trim() && issuer.trim() !== plan.issuer) op.issuer = issuer.trim();
    if (docNumber.trim() !== (plan.docNumber ?? '')) op.docNumber = docNumber.trim() || null;
    const y = Number(year);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) return setError('年度应为 2000–2100 之间的年份');
    if (y !== plan.year) op.year = y;
    const d = Number(dueDay);
    if (!Number.isInteger(d) || d < 1 || d > 31) return setError('截止日应为 1–31');
    if (cycle !== now.cycle || preview.settings.cycle === null) op.cycle = cycle;
    if (d !== now.dueDay || preview.settings.dueDay === null) op.dueDay = d;
    setError(null);
    onCorrect(op);
  }

  return (
    <form class="card form pv-plan" onSubmit={save} aria-label="方案信息">
      <label class="field"><span>方案标题</span><input value={title} onInput={(e) => setTitle(e.currentTarget.value)} /></label>
      <label class="field"><span>发文机关</span><input value={issuer} placeholder="如“××区人民政府”" onInput={(e) => setIssuer(e.currentTarget.value)} /></label>
      <div class="row">
        <label class="field"><span>文号</span><input value={docNumber} placeholder="无文号" onInput={(e) => setDocNumber(e.currentTarget.value)} /></label>
        <label class="field"><span>年度</span><input inputMode="numeric" value={year} onInput={(e) => setYear(e.currentTarget.value)} /></label>
      </div>
      <div class="row">
        <label class="field">
          <span>报送周期</span>
          <select value={cycle} onChange={(e) => setCycle(e.currentTarget.value as Cycle)}>
            {CYCLES.map((c) => <option key={c} value={c}>{CYCLE_LABEL[c]}</option>)}
          </select>
        </label>
        <label class="field">
          <span>截止日（每期末月几号）</span>
          <input type="number" min={1} max={31} value={dueDay} onInput={(e) => setDueDay(e.currentTarget.value)} />
        </label>
      </div>
      {typeof rule === 'string' && <p class="meta">文档中的报送要求：{rule}</p>}
      {!preview.issuerMatches && <p class="note">注意：文档的发文机关与本单位不一致。</p>}
      {error && <p class="form-error" role="alert">{error}</p>}
      <button type="submit" class="btn" disabled={busy}>保存方案信息</button>
    </form>
  );
}

function Kept({ preview, fixes, busy, onUndo }: { preview: Preview; fixes: number; busy: boolean; onUndo: () => void }) {
  if (!preview.reapplied && !preview.stale.length && !fixes) return null;
  return (
    <div class="card pv-kept" role="status">
      {preview.reapplied > 0 && <p>已重新应用上次导入该文档时的 <strong>{preview.reapplied}</strong> 处修改。</p>}
      {preview.stale.length > 0 && (
        <>
          <p class="note"><strong>{preview.stale.length}</strong> 处修改已不适用（文档已改变），未应用：</p>
          <ul class="warnings">{preview.stale.map((s) => <li key={s.index}>{s.reason}</li>)}</ul>
        </>
      )}
      {fixes > 0 && (
        <details>
          <summary>查看修改</summary>
          <ol class="warnings">{preview.corrections.map((c, i) => <li key={i}>{describeCorrection(c)}</li>)}</ol>
        </details>
      )}
      {fixes > 0 && (
        <div class="pv-undo">
          <p class="meta">共 {fixes} 处修改，导入后保留，下次导入同一文档时自动应用。</p>
          <button type="button" class="btn btn-small" disabled={busy} onClick={onUndo}>撤销上一处修改</button>
        </div>
      )}
    </div>
  );
}

function SameUnits({ list, busy, onCorrect }: { list: SameUnitSuggestion[]; busy: boolean; onCorrect: (...ops: Correction[]) => void }) {
  if (!list.length) return null;
  const groups = new Map<string, SameUnitSuggestion[]>();
  for (const s of list) groups.set(s.as, [...(groups.get(s.as) ?? []), s]);
  return (
    <div class="card">
      <p>以下名称可能是同一单位的不同写法（导入前确认，不会为它们另建单位和账号）：</p>
      <ul class="pv-same">
        {[...groups].map(([as, members]) => (
          <li key={as}>
            <p><strong>{as}</strong>{members[0]!.existing ? '（已有单位）' : ''}</p>
            {members.map((s) => (
              <div key={s.name} class="pv-same-row">
                <span>{s.name}{s.reason === 'ocr' ? '（疑似识别错字）' : ''}</span>
                <span class="pv-same-actions">
                  <button type="button" class="btn btn-small" disabled={busy} aria-label={`${s.name} 是 ${as}`} onClick={() => onCorrect({ op: 'same-unit', name: s.name, as })}>是同一单位</button>
                  <button type="button" class="btn btn-small" disabled={busy} aria-label={`${s.name} 不是 ${as}`} onClick={() => onCorrect({ op: 'distinct-units', names: [s.name, as] })}>不是</button>
                </span>
              </div>
            ))}
          </li>
        ))}
      </ul>
      {list.length > 1 && (
        <div class="actions">
          <button type="button" class="btn" disabled={busy} onClick={() => onCorrect(...list.map((s): Correction => ({ op: 'same-unit', name: s.name, as: s.as })))}>
            以上 {list.length} 个全部是同一单位
          </button>
        </div>
      )}
    </div>
  );
}

function NewUnits({ units, known, mapping, setMapping }: { units: UnitResolution[]; known: KnownUnit[]; mapping: Record<string, string>; setMapping: (m: Record<string, string>) => void }) {
  const fresh = units.filter((u) => u.status === 'new');
  if (!fresh.length) return null;
  return (
    <details class="card">
      <summary><strong>{fresh.length}</strong> 个新单位：如与已有单位是同一单位的不同写法，请选择对应单位（将记为别名）</summary>
      <ul class="unit-map">
        {fresh.map((u) => (
          <li key={u.name}>
            <span>{u.name}<span class="meta">（{u.items} 项）</span></span>
            <select aria-label={`${u.name} 对应单位`} value={mapping[u.name] ?? ''} onChange={(e) => setMapping({ ...mapping, [u.name]: e.currentTarget.value })}>
              <option value="">作为新单位</option>
              {known.map((k) => <option key={k.id} value={k.id}>{k.name}</option>)}
            </select>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Warnings placed on the item whose lines they concern; those before the first item stay on top. */
function placeWarnings(items: ParsedItem[], warnings: ImportWarning[]) {
  const byItem = new Map<number, ImportWarning[]>();
  const top: ImportWarning[] = [];
  for (const w of warnings) {
    let at = -1;
    items.forEach((it, i) => {
      if ((it.line ?? Infinity) <= w.line && (at < 0 || (it.line ?? 0) >= (items[at]!.line ?? 0))) at = i;
    });
    if (at < 0) top.push(w);
    else byItem.set(at, [...(byItem.get(at) ?? []), w]);
  }
  return { top, byItem };
}

function ItemList({ preview, text, busy, onCorrect }: { preview: Preview; text: string; busy: boolean; onCorrect: (op: Correction) => void }) {
  const { items, warnings } = preview.parsed;
  const lines = splitLines(text);
  const itemLines = new Set(items.map((it) => it.line));
  const looseLine = (line: number) => (itemLines.has(line) || !lines[line - 1]?.trim() ? null : lines[line - 1]!);
  const { top, byItem } = placeWarnings(items, warnings);
  /** The source line of a heading: the last line before its first item that is the heading alone. */
  const headingLine = (title: string, before: number | undefined) => {
    for (let i = Math.min((before ?? lines.length) - 1, lines.length) - 1; i >= 0; i--) if (isHeadingLine(lines[i]!, title)) return i + 1;
    return null;
  };
  // In a list of 100+ items, the clerk can look at only those that need a check.
  const [onlyCheck, setOnlyCheck] = useState(false);
  const needsCheck = (i: number) => byItem.has(i) || items[i]!.leadUnits.length + items[i]!.coUnits.length === 0;
  const toCheck = items.filter((_, i) => needsCheck(i)).length;
  let prev: string[] = [];
  return (
    <>
      {top.length > 0 && (
        <div class="card">
          <p><strong>{top.length}</strong> 处提示：</p>
          <ul class="warnings">{top.map((w) => <li key={`${w.line}-${w.message}`}>第 {w.line} 行：{w.message}</li>)}</ul>
        </div>
      )}
      {toCheck > 0 && (
        <label class="switch-row pv-filter">
          <span>只看需核对的 <strong>{toCheck}</strong> 项（有提示或没有责任单位）</span>
          <input type="checkbox" checked={onlyCheck} onChange={(e) => setOnlyCheck(e.currentTarget.checked)} />
        </label>
      )}
      <ol class="pv-items" aria-label="识别出的任务">
        {items.map((it, i) => {
          if (onlyCheck && !needsCheck(i)) return null;
          const from = it.path.findIndex((s, k) => s !== prev[k]);
          const heads = from < 0 ? [] : it.path.slice(from).map((title, k) => ({ title, depth: from + k }));
          prev = it.path;
          return [
            ...heads.map((h) => {
              const line = headingLine(h.title, it.line);
              return (
                <li key={`h${i}-${h.depth}`} class={`pv-heading pv-depth-${Math.min(h.depth, 2)}`}>
                  <span>{h.title}</span>
                  {line !== null && (
                    <button type="button" class="btn btn-small" disabled={busy} aria-label={`将标题“${h.title}”设为任务`} onClick={() => onCorrect({ op: 'task', line, was: lines[line - 1]! })}>
                      设为任务
                    </button>
                  )}
                </li>
              );
            }),
            <ImportItem key={`${it.line}-${it.number}`} item={it} next={items[i + 1] ?? null} warnings={byItem.get(i) ?? []} looseLine={looseLine} busy={busy} onCorrect={onCorrect} />,
          ];
        })}
      </ol>
    </>
  );
}

interface ReviewProps {
  preview: Preview;
  text: string;
  known: KnownUnit[];
  busy: 'preview' | 'commit' | null;
  onCorrect: (ops: Correction[]) => void;
  onCommit: (choices: CommitChoices) => void;
  onCancel: () => void;
}

export function ImportReview({ preview, text, known, busy, onCorrect, onCommit, onCancel }: ReviewProps) {
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const add = (...ops: Correction[]) => onCorrect([...preview.corrections, ...ops]);
  const counts = preview.parsed.items.reduce<Record<string, number>>((m, it) => ((m[it.kind] = (m[it.kind] ?? 0) + 1), m), {});
  const commit = () => onCommit({ ...effectiveSettings(preview), aliases: Object.entries(mapping).filter(([, id]) => id).map(([name, unitId]) => ({ name, unitId })) });
  const fixes = preview.corrections.length;
  const diff = preview.existing?.diff;
  return (
    <div class="pv">
      <p class="counts card">
        识别出{' '}
        {Object.entries(counts).map(([k, n], i) => (
          <span key={k}>{i > 0 && '，'}<strong>{n}</strong> 项{ITEM_KIND_LABEL[k as keyof typeof ITEM_KIND_LABEL]}</span>
        ))}
        ；涉及 <strong>{preview.units.length}</strong> 个单位
      </p>
      <Kept preview={preview} fixes={fixes} busy={busy !== null} onUndo={() => onCorrect(preview.corrections.slice(0, -1))} />
      {/* Keyed by the header, so the fields show the server's values after each correction. */}
      <PlanFields key={JSON.stringify([preview.parsed.plan, preview.settings])} preview={preview} busy={busy !== null} onCorrect={add} />
      <SameUnits list={preview.sameUnits} busy={busy !== null} onCorrect={add} />
      <NewUnits units={preview.units} known={known} mapping={mapping} setMapping={setMapping} />
      <ItemList preview={preview} text={text} busy={busy !== null} onCorrect={add} />
      {diff && (
        <div class="card">
          <p>该文号的方案已导入。与现有方案相比：修改 <strong>{diff.changed.length}</strong> 项，新增 <strong>{diff.added.length}</strong> 项，删除 <strong>{diff.removed.length}</strong> 项，未变 <strong>{diff.unchanged}</strong> 项。</p>
          <details>
            <summary>查看差异</summary>
            <ul class="diff">
              {diff.changed.map((c) => <li key={c.key}>修改 第{c.number}项：{c.fields.map((f) => FIELD_LABEL[f] ?? f).join('、')}</li>)}
              {diff.added.map((a) => <li key={a.key}>新增 第{a.item.number}项：{a.item.text.slice(0, 40)}</li>)}
              {diff.removed.map((r) => <li key={r.key}>删除 第{r.number}项：{r.text.slice(0, 40)}（已有报告的将保留）</li>)}
            </ul>
          </details>
        </div>
      )}
      <div class="pv-bar">
        <div class="actions">
          {diff && <button type="button" class="btn" onClick={onCancel}>保留现有方案</button>}
          <button type="button" class="btn btn-primary" disabled={busy !== null} onClick={commit}>
            {busy === 'commit' ? '导入中…' : diff ? '按新文档更新' : `确认导入 ${preview.parsed.items.length} 项`}
          </button>
        </div>
      </div>
    </div>
  );
}
