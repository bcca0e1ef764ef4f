// 填报进展 (/tasks/:id/report): status, percent, target values, 进展情况 / 存在问题 / 下步计划,
// photos (camera or gallery, resized and watermarked on the phone) and location. The draft
// autosaves to IndexedDB as the user types; 提交 puts it in the outbox, which uploads it when
// there is a network.
import { useEffect, useRef, useState } from 'preact/hooks';
import { itemLabel, MAX_PHOTOS, REPORT_STATUSES, REPORT_STATUS_LABEL } from '../../../shared/labels';
import { dueDateOf, periodLabel } from '../../../shared/period';
import type { Location } from '../../../shared/schemas/common';
import type { Report } from '../../../shared/schemas/report';
import { formatVerifyCode, newVerifyCode, verifyUrl } from '../../../shared/verify-code';
import { api, ApiFailure } from '../api/client';
import { Message } from '../components/form-bits';
import { InstallCard } from '../components/install-card';
import { ReturnedNote } from '../components/returned-note';
import { useTypingMode } from '../components/typing-mode';
import { useLocalThumbUrls } from '../components/local-thumbs';
import type { DraftFields, DraftRecord, PhotoMeta } from '../db/schema';
import { formatDate, formatDateTime } from '../lib/format';
import { onlineStore } from '../lib/net';
import { useStore } from '../lib/store';
import { draftFieldsOf, validateDraft } from '../outbox/draft-fields';
import { addPhoto, deleteDraft, getDraft, newDraft, removePhoto, saveDraft } from '../outbox/drafts';
import { estimateStorage, isQuotaError, lowSpaceWarning, persistRecord, QUOTA_MESSAGE, requestPersistence } from '../outbox/storage';
import { formatLocation, getPosition } from '../photo/geo';
import { navigate, type ScreenProps } from '../router';
import { sessionStore } from '../state/session';
import { getJson } from '../sync/http';
import { syncTick } from '../sync/pull';
import { loadTask, type TaskData } from '../sync/local';
import { reportPeriod } from '../sync/tasks';
import { CoUnitReports } from '../components/co-unit-reports';

const AUTOSAVE_MS = 400;

/** The server's draft of a task: the period due, the report it already has, last period's answers. */
const fetchDraft = (taskId: string) => getJson((o) => api.api.tasks[':id'].draft.$get({ param: { id: taskId }, query: {} }, o));

export default function ReportFormScreen({ params, query }: ScreenProps) {
  const taskId = params.id!;
  // ?period=: amending a report of another period (上年度未结: last year's returned report).
  const wanted = query.get('period');
  const session = useStore(sessionStore);
  const online = useStore(onlineStore);
  const me = session.status === 'signed_in' ? session.me : null;
  const [task, setTask] = useState<TaskData | null | undefined>(undefined);
  const [draft, setDraft] = useState<DraftRecord | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [photoBusy, setPhotoBusy] = useState<{ done: number; total: number } | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [spaceWarning, setSpaceWarning] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const dirty = useRef(false);
  const draftRef = useRef<DraftRecord | null>(null);
  const geoRef = useRef<Promise<Location | null> | null>(null);
  const [copyNote, setCopyNote] = useState<string | null>(null);
  draftRef.current = draft;
  useTypingMode();

  // A form opened before the phone has synced this task (a link, a fresh sign-in) tries again
  // each time a sync page lands, instead of saying 本机没有 for good.
  const [retry, setRetry] = useState(0);
  useEffect(() => {
    if (task !== null) return;
    return syncTick.subscribe(() => setRetry((n) => n + 1));
  }, [task]);

  // Load the task and this user's draft (or start one, reusing the id of an existing report).
  useEffect(() => {
    if (!me) return;
    let live = true;
    void (async () => {
      const t = await loadTask(taskId);
      if (!live) return;
      setTask(t);
      if (!t) return;
      let d = await getDraft(me.id, taskId);
      if (d && wanted && d.period !== wanted) d = undefined;
      // A draft saved by an older app has no code of its own yet: draw one now, before any photo.
      if (d && !d.verifyCode) {
        d = { ...d, verifyCode: newVerifyCode() };
        await saveDraft(d);
      }
      if (!d) {
        const period = wanted ?? (t.plan ? reportPeriod(t.plan, new Date()) : undefined);
        const existing = t.reports.find((r) => r.unitId === me.unitId && r.period === period) ?? null;
        d = newDraft(me.id, taskId, new Date().toISOString(), existing?.id);
        if (period) d.period = period;
        if (existing) d = fromReport(d, existing);
      }
      if (live) showDraft(d);
      // The server knows best which report this period already has and which period is due.
      if (!wanted && navigator.onLine && !d.photos.some((p) => !p.remote)) {
        try {
          const res = await fetchDraft(taskId);
          const cur = draftRef.current;
          if (!live || !cur || cur.photos.some((p) => !p.remote)) return;
          const next = { ...cur, period: res.body.period };
          if (res.existingReportId && res.existingReportId !== cur.reportId) {
            next.reportId = res.existingReportId;
            // The server keeps that report's code: the photos must carry it.
            if (res.existingVerifyCode) next.verifyCode = res.existingVerifyCode;
          }
          showDraft(next);
        } catch {
          // Offline or refused: the phone's own reckoning stands.
        }
      }
    })();
    void estimateStorage().then((e) => setSpaceWarning(lowSpaceWarning(e)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [taskId, me?.id, retry]);

  // Autosave as the user types.
  useEffect(() => {
    if (!draft || !dirty.current) return;
    const t = setTimeout(() => void flush(), AUTOSAVE_MS);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft?.fields, draft?.location]);

  // Save at once when the page is hidden (the phone locks, the user switches app) or left.
  useEffect(() => {
    const onHide = () => document.visibilityState === 'hidden' && void flush();
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function flush(): Promise<void> {
    const d = draftRef.current;
    if (!d || !dirty.current) return;
    dirty.current = false;
    const at = new Date().toISOString();
    await saveDraft({ ...d, updatedAt: at });
    setSavedAt(at);
  }

  // draftRef is the draft as last changed, ahead of the render: every change builds on it, so two
  // changes in one tick (a keystroke and a quote, a keystroke while a photo is stored) both stay.
  // Building on the rendered `draft` dropped the first; flush() and the photo loop read it too.
  function showDraft(next: DraftRecord) {
    draftRef.current = next;
    setDraft(next);
  }

  function changeDraft(change: (d: DraftRecord) => DraftRecord) {
    const d = draftRef.current;
    if (!d) return;
    dirty.current = true;
    showDraft(change(d));
  }

  function update(change: Partial<DraftFields>) {
    changeDraft((d) => ({ ...d, fields: { ...d.fields, ...change } }));
    for (const k of Object.keys(change)) if (errors[k]) setErrors((e) => ({ ...e, [k]: '' }));
  }

  function setTargetValue(targetId: string, value: string) {
    changeDraft((d) => ({ ...d, fields: { ...d.fields, targetValues: { ...d.fields.targetValues, [targetId]: value } } }));
  }

  function setLocation(location: Location) {
    changeDraft((d) => ({ ...d, location }));
  }

  if (!me) return null;
  if (task === undefined || (task && !draft)) return <p class="loading">加载中…</p>;
  if (task === null || !draft) return <p class="empty">本机没有这项任务的资料，请联网后再打开。</p>;
  const { item, plan } = task;
  const f = draft.fields;
  const period = draft.period ?? (plan ? reportPeriod(plan, new Date()) : undefined);
  const photosLeft = MAX_PHOTOS - draft.photos.length;
  const verifyCode = draft.verifyCode ?? '';

  function startLocating() {
    geoRef.current ??= getPosition(10_000).then((l) => {
      geoRef.current = null;
      return l;
    });
    return geoRef.current;
  }

  async function onFiles(input: HTMLInputElement) {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (!files.length || !draft) return;
    setNotice(null);
    const space = lowSpaceWarning(await estimateStorage());
    setSpaceWarning(space);
    if (space && !confirm(`${space}\n\n仍要添加照片吗？`)) return;
    const take = files.slice(0, Math.max(0, photosLeft));
    if (files.length > take.length) setNotice({ kind: 'info', text: `每份报告最多 ${MAX_PHOTOS} 张照片，多出的 ${files.length - take.length} 张未添加。` });
    if (!take.length) return;
    await flush(); // the text is safe whatever happens to the photos
    if (!(await persistRecord())) void requestPersistence();
    const geo = startLocating();
    setPhotoBusy({ done: 0, total: take.length });
    try {
      const { processPhoto } = await import('../photo/process');
      const location = await Promise.race([geo, new Promise<null>((r) => setTimeout(() => r(null), 4000))]);
      for (const [n, file] of take.entries()) {
        const takenAt = file.lastModified && Math.abs(Date.now() - file.lastModified) < 365 * 86400_000 ? new Date(file.lastModified) : new Date();
        const out = await processPhoto(file, {
          takenAt,
          location,
          taskNumber: itemLabel(item),
          unitName: me!.unitName ?? '',
          verifyCode,
          verifyUrl: verifyUrl(window.location.origin, verifyCode),
        });
        const meta: PhotoMeta = {
          id: crypto.randomUUID(),
          takenAt: takenAt.toISOString(),
          ...(location ? { location } : {}),
          width: out.width,
          height: out.height,
          size: out.full.byteLength,
          thumbSize: out.thumb.byteLength,
          sha256: out.sha256,
          thumbSha256: out.thumbSha256,
        };
        const { photos } = await addPhoto(draftRef.current!, meta, out.full, out.thumb);
        // Text typed while the photo was stored stays: only the photos (and a first location) change.
        const cur = draftRef.current!;
        showDraft({ ...cur, photos, ...(location && !cur.location ? { location } : {}) });
        setPhotoBusy({ done: n + 1, total: take.length });
      }
      if (draftRef.current?.location) {
        dirty.current = true;
        await flush();
      }
    } catch (e) {
      setNotice({ kind: 'error', text: isQuotaError(e) ? QUOTA_MESSAGE : e instanceof Error && e.message ? e.message : '照片处理失败，请重试' });
    } finally {
      setPhotoBusy(null);
      void estimateStorage().then((e) => setSpaceWarning(lowSpaceWarning(e)));
    }
  }

  async function onRemovePhoto(photo: PhotoMeta, n: number) {
    if (!draft || !confirm(`删除第 ${n} 张照片？`)) return;
    const { photos } = await removePhoto(draftRef.current!, photo.id);
    showDraft({ ...draftRef.current!, photos });
  }

  async function locateNow() {
    setLocating(true);
    const l = await startLocating();
    setLocating(false);
    if (l) setLocation(l);
    else setNotice({ kind: 'info', text: '未能获取位置：请在手机设置中允许定位，或到开阔处再试。位置不是必填项。' });
  }

  async function sameAsLast() {
    if (!draft) return;
    const hasText = f.progress || f.problems || f.nextSteps;
    if (hasText && !confirm('用上期报告的内容覆盖已填写的内容？')) return;
    let source: { body: Pick<Report, 'status' | 'percent' | 'targetValues' | 'progress' | 'problems' | 'nextSteps'>; from: string } | null = null;
    try {
      const res = await fetchDraft(taskId);
      source = res.basedOn ? { body: res.body, from: periodLabel(res.basedOn.period) } : null;
      if (!source) {
        setCopyNote('本单位还没有这项任务的往期报告，请直接填写。');
        return;
      }
    } catch (e) {
      if (!(e instanceof ApiFailure) || !e.isNetwork) {
        setCopyNote(e instanceof Error ? e.message : '读取上期报告失败');
        return;
      }
      // Offline: the last report of this unit the phone has.
      const last = task!.reports
        .filter((r) => r.unitId === me!.unitId && r.id !== draft.reportId && r.state !== 'draft')
        .sort((a, b) => b.period.localeCompare(a.period))[0];
      if (!last) {
        setCopyNote('离线：本机没有往期报告可复制。');
        return;
      }
      source = { body: last, from: periodLabel(last.period) };
    }
    update(draftFieldsOf(source.body));
    setCopyNote(`已填入${source.from}的内容，请按本期实际情况修改。`);
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (!draft || submitting) return;
    const errs = validateDraft(draft.fields);
    setErrors(errs);
    const firstBad = Object.keys(errs)[0];
    if (firstBad) {
      document.getElementById(`f-${firstBad.replace('.', '-')}`)?.focus();
      return;
    }
    setSubmitting(true);
    try {
      await flush();
      const { submitDraft } = await import('../outbox/runtime');
      await submitDraft(draftRef.current!, {
        unitId: me!.unitId,
        period,
        title: { number: item.number, label: itemLabel(item), text: item.text, unitName: me!.unitName ?? '', period },
      });
      navigate('/outbox');
    } catch (err) {
      setNotice({ kind: 'error', text: isQuotaError(err) ? QUOTA_MESSAGE : '保存失败，请重试' });
      setSubmitting(false);
    }
  }

  async function discard() {
    if (!draft || !confirm('放弃这份草稿？已填写的内容和照片将被删除。')) return;
    dirty.current = false;
    await deleteDraft(draft);
    navigate(`/tasks/${taskId}`, { replace: true });
  }

  return (
    <form class="report-form" onSubmit={submit} noValidate>
      <h1 class="screen-title">填报进展</h1>
      <ReturnedNote report={task.reports.find((r) => r.id === draft.reportId)} />
      <p class="meta">
        {itemLabel(item)} · 
        {period ? `${periodLabel(period)}${plan ? ` · 截止 ${formatDate(dueDateOf(period, plan.dueDay))}` : ''}` : ''}
      </p>
      <p class="task-text clamp">{item.text}</p>
      {!online && <InstallCard />}
      {draft.serverMessage && (
        <p class="form-error" role="alert">
          服务器未接受上次提交：{draft.serverMessage}
        </p>
      )}

      <button type="button" class="btn btn-block" onClick={() => void sameAsLast()}>
        与上期相同（一键填入上期内容）
      </button>
      <Message text={copyNote} class="note copy-note" />

      <fieldset class="field">
        <legend>进展状态</legend>
        <div class="chips" role="radiogroup" aria-label="进展状态">
          {REPORT_STATUSES.map((s) => (
            <label key={s} class={`chip status-${s}${f.status === s ? ' chip-on' : ''}`}>
              <input
                type="radio"
                name="status"
                value={s}
                checked={f.status === s}
                onChange={() => update(s === 'done' ? { status: s, percent: 100 } : { status: s })}
              />
              {REPORT_STATUS_LABEL[s]}
            </label>
          ))}
        </div>
      </fieldset>

      <label class="field">
        <span>
          完成进度 <strong>{f.percent}%</strong>
        </span>
        <input
          id="f-percent"
          type="range"
          min={0}
          max={100}
          step={5}
          value={f.percent}
          aria-label="完成进度"
          onInput={(e) => update({ percent: Number(e.currentTarget.value) })}
        />
        {errors.percent && <span class="field-error">{errors.percent}</span>}
      </label>

      {period && me.unitId && item.leadUnits.some((u) => u.id === me.unitId) && (
        <CoUnitReports taskId={item.id} period={period} unitId={me.unitId} targets={item.targets} fields={f} onQuote={update} />
      )}

      {item.targets.map((t) => (
        <label key={t.id} class="field">
          <span>
            {t.text}
            <span class="meta">（目标 {t.value} {t.unit}）</span>
          </span>
          <span class="with-unit">
            <input
              id={`f-targetValues-${t.id}`}
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              value={f.targetValues[t.id] ?? ''}
              onInput={(e) => setTargetValue(t.id, e.currentTarget.value)}
            />
            <span>{t.unit}</span>
          </span>
          {errors[`targetValues.${t.id}`] && <span class="field-error">{errors[`targetValues.${t.id}`]}</span>}
        </label>
      ))}

      <TextField id="progress" label="进展情况" required value={f.progress} error={errors.progress} onInput={(v) => update({ progress: v })} />
      <TextField id="problems" label="存在问题" value={f.problems} error={errors.problems} onInput={(v) => update({ problems: v })} />
      <TextField id="nextSteps" label="下步计划" value={f.nextSteps} error={errors.nextSteps} onInput={(v) => update({ nextSteps: v })} />

      <fieldset class="field">
        <legend>
          现场照片 <span class="meta">{draft.photos.length}/{MAX_PHOTOS}</span>
        </legend>
        {spaceWarning && <p class="note">{spaceWarning}</p>}
        <PhotoGrid photos={draft.photos} onRemove={(p, n) => void onRemovePhoto(p, n)} />
        {photoBusy && (
          <p class="meta" aria-live="polite">
            正在处理照片 {photoBusy.done}/{photoBusy.total}…
          </p>
        )}
        {photosLeft > 0 && (
          <div class="photo-buttons">
            <label class={`btn btn-primary${photoBusy ? ' is-disabled' : ''}`} onPointerDown={() => void startLocating()}>
              拍照
              <input
                class="visually-hidden"
                type="file"
                accept="image/*"
                capture="environment"
                aria-label="拍照"
                disabled={!!photoBusy}
                onChange={(e) => void onFiles(e.currentTarget)}
              />
            </label>
            <label class={`btn${photoBusy ? ' is-disabled' : ''}`} onPointerDown={() => void startLocating()}>
              从相册选择
              <input
                class="visually-hidden"
                type="file"
                accept="image/*"
                multiple
                aria-label="从相册选择"
                disabled={!!photoBusy}
                onChange={(e) => void onFiles(e.currentTarget)}
              />
            </label>
          </div>
        )}
        <p class="meta">照片会自动压缩并加上时间、位置、任务和核验码 {formatVerifyCode(verifyCode)} 水印（含核验二维码）。</p>
      </fieldset>

      <div class="field">
        <span>位置</span>
        <p class="location-row">
          <span>{draft.location ? formatLocation(draft.location) : '位置未获取'}</span>
          <button type="button" class="btn btn-small" disabled={locating} onClick={() => void locateNow()}>
            {locating ? '定位中…' : draft.location ? '重新定位' : '获取位置'}
          </button>
        </p>
      </div>

      {notice && (
        <p class={notice.kind === 'error' ? 'form-error' : 'note'} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}

      <div class="form-actions">
        <button type="submit" class="btn btn-primary btn-block" disabled={submitting || !!photoBusy}>
          {submitting ? '正在保存…' : online ? '提交' : '提交（联网后自动上传）'}
        </button>
        <p class="meta autosave" aria-live="polite">
          {savedAt ? `草稿已自动保存 ${formatDateTime(savedAt).slice(-5)}` : '填写内容会自动保存在本机'}
          {' · '}
          <button type="button" class="btn-link" onClick={() => void discard()}>
            放弃草稿
          </button>
        </p>
      </div>
    </form>
  );
}

function TextField(props: { id: string; label: string; value: string; error?: string; required?: boolean; onInput: (v: string) => void }) {
  return (
    <label class="field">
      <span>
        {props.label}
        {props.required && <span class="required"> *</span>}
      </span>
      <textarea
        id={`f-${props.id}`}
        name={props.id}
        rows={4}
        maxLength={5000}
        aria-invalid={props.error ? true : undefined}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.error && <span class="field-error">{props.error}</span>}
    </label>
  );
}

function PhotoGrid({ photos, onRemove }: { photos: PhotoMeta[]; onRemove: (p: PhotoMeta, n: number) => void }) {
  const urls = useLocalThumbUrls(photos.filter((p) => !p.remote).map((p) => p.id));
  if (!photos.length) return null;
  return (
    <ul class="photo-grid" aria-label="已添加的照片">
      {photos.map((p, i) => {
        const src = p.remote ? p.thumbUrl : urls[p.id];
        return (
          <li key={p.id} class="photo-cell">
            {src ? <img src={src} alt={`照片 ${i + 1}`} /> : <span class="thumb-missing">照片 {i + 1}</span>}
            <button type="button" class="photo-remove" aria-label={`删除照片 ${i + 1}`} onClick={() => onRemove(p, i + 1)}>
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Starts an amendment from the report the unit already has for this period. */
function fromReport(d: DraftRecord, r: Report): DraftRecord {
  return {
    ...d,
    reportId: r.id,
    verifyCode: r.verifyCode,
    period: r.period,
    fields: draftFieldsOf(r),
    ...(r.location ? { location: r.location } : {}),
    photos: r.photos
      .filter((p) => p.received)
      .map((p) => ({
        id: p.id,
        takenAt: p.takenAt ?? r.capturedAt ?? r.receivedAt,
        ...(p.location ? { location: p.location } : {}),
        width: p.width ?? 0,
        height: p.height ?? 0,
        size: p.size ?? 0,
        thumbSize: 0,
        sha256: p.sha256 ?? '',
        thumbSha256: '',
        remote: true,
        thumbUrl: p.thumbUrl,
      })),
  };
}
