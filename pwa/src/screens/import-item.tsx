// One item of the import preview: what the parser read (units, leaders, deadline, targets) with
// the warnings of its lines beside it, and the inline editor that turns the clerk's fix into a
// correction operation (shared/schemas/import-corrections.ts) — nothing is changed locally.
import { useState } from 'preact/hooks';
import { extractTargets } from '../../../shared/import/targets';
import { refOf } from '../../../shared/import/corrections';
import { ITEM_KIND_LABEL } from '../../../shared/labels';
import type { ImportWarning, ParsedItem, ParsedTarget } from '../../../shared/schemas/import';
import type { Correction } from '../../../shared/schemas/import-corrections';
import { sameJson } from '../lib/same-json';

const NAME_SPLIT = /[、，,；;\s]+/;
const names = (s: string) => [...new Set(s.split(NAME_SPLIT).map((n) => n.replace(/^★/, '').trim()).filter(Boolean))];

/** One target per line, as the clerk types it: the line is the text, the number in it the value. */
function readTargets(s: string): ParsedTarget[] | string {
  const out: ParsedTarget[] = [];
  for (const line of s.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const t = extractTargets(line)[0];
    if (!t) return `“${line}”中没有可统计的数量（如 11000个）`;
    out.push({ text: line, value: t.value, unit: t.unit });
  }
  return out;
}

/** A target as read: its phrase, and the number taken from it when the phrase does not show it. */
const targetWords = (t: ParsedTarget) => (t.text.includes(`${t.value}${t.unit}`) ? t.text : `${t.text}（${t.value}${t.unit}）`);

export function itemLabel(it: ParsedItem): string {
  return `${ITEM_KIND_LABEL[it.kind]} ${it.number}`;
}

interface Props {
  item: ParsedItem;
  next: ParsedItem | null;
  warnings: ImportWarning[];
  /** A warning's line that is no item of its own: offered as a task. */
  looseLine: (line: number) => string | null;
  busy: boolean;
  onCorrect: (op: Correction) => void;
}

export function ImportItem({ item, next, warnings, looseLine, busy, onCorrect }: Props) {
  const [open, setOpen] = useState(false);
  const label = itemLabel(item);
  return (
    <li class="pv-item" data-line={item.line}>
      <div class="pv-head">
        <span class={`kind kind-${item.kind}`}>{ITEM_KIND_LABEL[item.kind]}</span>
        <span class="task-number">{item.number}</span>
        {item.deadline && <span class="tag">时限 {item.deadline}</span>}
        <span class="meta pv-line">第 {item.line ?? '?'} 行</span>
      </div>
      <p class="pv-text">{item.text}</p>
      <p class="pv-units">
        {item.leadUnits.length === 0 && item.coUnits.length === 0 && <span class="pv-missing">没有责任单位</span>}
        {item.leadUnits.map((u) => <span key={`l${u}`} class="pv-unit pv-lead">★{u}</span>)}
        {item.coUnits.map((u) => <span key={`c${u}`} class="pv-unit">{u}</span>)}
        {item.areas.map((u) => <span key={`a${u}`} class="pv-unit pv-area">{u}</span>)}
      </p>
      {item.leaders.length > 0 && <p class="meta">牵头领导：{item.leaders.join('、')}</p>}
      {item.targets.length > 0 && <p class="meta">目标：{item.targets.map(targetWords).join('；')}</p>}
      {warnings.length > 0 && (
        <ul class="pv-warnings">
          {warnings.map((w) => {
            const loose = looseLine(w.line);
            return (
              <li key={`${w.line}-${w.message}`}>
                第 {w.line} 行：{w.message}
                {loose !== null && (
                  <button type="button" class="btn btn-small" disabled={busy} onClick={() => onCorrect({ op: 'task', line: w.line, was: loose })}>
                    第 {w.line} 行设为任务
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {open ? (
        <ItemEditor item={item} next={next} busy={busy} onClose={() => setOpen(false)} onCorrect={(op) => { setOpen(false); onCorrect(op); }} />
      ) : (
        <button type="button" class="btn btn-small pv-edit" aria-label={`修改${label}`} onClick={() => setOpen(true)}>修改</button>
      )}
    </li>
  );
}

function ItemEditor({ item, next, busy, onClose, onCorrect }: { item: ParsedItem; next: ParsedItem | null; busy: boolean; onClose: () => void; onCorrect: (op: Correction) => void }) {
  const [text, setText] = useState(item.text);
  const [lead, setLead] = useState(item.leadUnits.join('、'));
  const [co, setCo] = useState(item.coUnits.join('、'));
  const [leaders, setLeaders] = useState(item.leaders.join('、'));
  const [deadline, setDeadline] = useState(item.deadline ?? '');
  const [targets, setTargets] = useState(item.targets.map((t) => t.text).join('\n'));
  const [cut, setCut] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ref = { at: refOf(item), was: item.text };
  const label = itemLabel(item);

  function save(e: Event) {
    e.preventDefault();
    const op: Extract<Correction, { op: 'edit' }> = { op: 'edit', ...ref };
    if (text.trim() !== item.text) op.text = text.trim();
    if (!sameJson(names(lead), item.leadUnits)) op.leadUnits = names(lead);
    if (!sameJson(names(co), item.coUnits)) op.coUnits = names(co);
    if (!sameJson(names(leaders), item.leaders)) op.leaders = names(leaders);
    if ((deadline || null) !== item.deadline) op.deadline = deadline || null;
    const t = readTargets(targets);
    if (typeof t === 'string') return setError(t);
    if (!sameJson(t.map((x) => x.text), item.targets.map((x) => x.text))) op.targets = t;
    if (!text.trim()) return setError('内容不能为空');
    if (Object.keys(op).length === 3) return onClose();
    onCorrect(op);
  }

  return (
    <form class="pv-editor form" onSubmit={save} aria-label={`修改${label}`}>
      <label class="field">
        <span>内容</span>
        <textarea
          rows={4}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          onSelect={(e) => setCut(e.currentTarget.selectionStart)}
          onClick={(e) => setCut(e.currentTarget.selectionStart)}
          onKeyUp={(e) => setCut(e.currentTarget.selectionStart)}
        />
      </label>
      <label class="field">
        <span>牵头单位（用“、”分隔）</span>
        <input value={lead} onInput={(e) => setLead(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>责任单位</span>
        <input value={co} onInput={(e) => setCo(e.currentTarget.value)} />
      </label>
      <div class="row">
        <label class="field">
          <span>牵头领导</span>
          <input value={leaders} onInput={(e) => setLeaders(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>时限</span>
          <input type="date" value={deadline} onInput={(e) => setDeadline(e.currentTarget.value)} />
        </label>
      </div>
      <label class="field">
        <span>目标（每行一个，如“新增学位11000个”）</span>
        <textarea rows={2} value={targets} onInput={(e) => setTargets(e.currentTarget.value)} />
      </label>
      {error && <p class="form-error" role="alert">{error}</p>}
      <div class="actions">
        <button type="button" class="btn" onClick={onClose}>取消</button>
        <button type="submit" class="btn btn-primary" disabled={busy}>保存修改</button>
      </div>
      <div class="pv-structure">
        <button
          type="button"
          class="btn"
          disabled={busy || !next}
          onClick={() => next && onCorrect({ op: 'merge', ...ref, next: refOf(next), nextWas: next.text })}
        >
          与下一项合并
        </button>
        <button
          type="button"
          class="btn"
          disabled={busy || text !== item.text || !cut || cut >= item.text.length}
          title="先在内容中把光标放到要断开的位置"
          onClick={() => cut && onCorrect({ op: 'split', ...ref, offset: cut })}
        >
          在光标处拆分
        </button>
        <button type="button" class="btn" disabled={busy} onClick={() => onCorrect({ op: 'heading', ...ref })}>
          设为标题
        </button>
      </div>
    </form>
  );
}
