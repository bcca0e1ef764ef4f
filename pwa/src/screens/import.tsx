// 导入方案 (admin): paste or upload the plan document → preview and correct it (import-review.tsx:
// items, units, warnings, the differences from a plan with the same document number) → commit.
import { useEffect, useState } from 'preact/hooks';
import type { Correction } from '../../../shared/schemas/import-corrections';
import { api, ApiFailure, unwrap } from '../api/client';
import { ACCEPT, ExtractError, insertAtSelection, planTextFromPaste, readPlanFile } from '../import/read-plan-file';
import { Link } from '../router';
import { ImportReview, type CommitChoices, type KnownUnit, type Preview } from './import-review';

export default function ImportScreen() {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [known, setKnown] = useState<KnownUnit[]>([]);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ planId: string; summary: string } | null>(null);
  const [reading, setReading] = useState<{ busy: boolean; notes: string[] }>({ busy: false, notes: [] });

  useEffect(() => {
    unwrap(api.api.aliases.$get({ query: {} })).then((r) => setKnown(r.units.filter((u) => u.kind === 'unit')), () => {});
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

  /** Without corrections the server reapplies those kept from an earlier import of this document. */
  async function runPreview(corrections?: Correction[]) {
    setBusy('preview');
    setError(null);
    setDone(null);
    try {
      const next = await unwrap(api.api.imports.preview.$post({ json: { text, fileName, corrections } }));
      // What was reapplied (or no longer applies) on the first preview stays in view while editing;
      // a fix of this session that does not apply is an error to show, not a stale stored one.
      setPreview((prev) => (corrections && prev ? { ...next, reapplied: prev.reapplied, stale: prev.stale } : next));
      if (corrections && next.stale.length) setError(`修改未能应用：${next.stale.map((s) => s.reason).join('；')}`);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  async function commit({ aliases, cycle, dueDay }: CommitChoices) {
    if (!preview) return;
    setBusy('commit');
    setError(null);
    try {
      const mode = preview.existing ? 'update' : 'create';
      const r = await unwrap(api.api.imports.commit.$post({ json: { text, fileName, aliases, cycle, dueDay, mode, corrections: preview.corrections } }));
      setDone({
        planId: r.planId,
        summary: r.mode === 'create' ? `已导入 ${r.items} 项` : `已更新：修改 ${r.updated} 项，新增 ${r.added} 项，删除 ${r.removed} 项，保留有报告的 ${r.kept.length} 项`,
      });
      setPreview(null);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

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
        <button type="button" class="btn btn-primary" disabled={!text.trim() || busy !== null} onClick={() => void runPreview(undefined)}>
          {busy === 'preview' ? '识别中…' : '预览识别结果'}
        </button>
      </div>
      {busy && <div class="progress progress-indeterminate" role="progressbar" aria-label={busy === 'preview' ? '识别中' : '导入中'} />}
      {error && <p class="form-error" role="alert">{error}</p>}
      {preview && (
        <ImportReview
          preview={preview}
          text={text}
          known={known}
          busy={busy}
          onCorrect={(ops) => void runPreview(ops)}
          onCommit={(choices) => void commit(choices)}
          onCancel={() => setPreview(null)}
        />
      )}
    </section>
  );
}
