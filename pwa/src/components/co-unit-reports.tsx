// Two-tier reporting in the form: while the lead unit writes its consolidated report, the
// co-units' reports of the same period, each with a one-tap 引用 of its text, its target values
// and its photos. Photos are referenced, never copied: a photo is evidence bound to the report it
// was taken for — its watermark carries that report's 核验码 and unit, its SHA-256 is on that
// report's record — so a copy inside the lead's report would be a second report claiming one
// photo with a code that points elsewhere. The reference (unit, period, count, 核验码) sends the
// reader to the original, which leaders and the office can open on the task.
import { useEffect, useState } from 'preact/hooks';
import { REPORT_STATUS_LABEL } from '../../../shared/labels';
import { periodLabel } from '../../../shared/period';
import type { Target } from '../../../shared/schemas/plan';
import type { Report } from '../../../shared/schemas/report';
import { api, unwrap } from '../api/client';
import { formatNumber } from '../lib/format';
import { targetTextsOf } from '../outbox/draft-fields';
import { ServerPhoto } from './server-photo';
import './thread.css';

export interface QuoteFields {
  progress: string;
  targetValues: Record<string, string>;
}

interface Props {
  taskId: string;
  period: string;
  unitId: string;
  targets: Target[];
  fields: QuoteFields;
  onQuote: (change: Partial<QuoteFields>) => void;
}

export function CoUnitReports({ taskId, period, unitId, targets, fields, onQuote }: Props) {
  const [reports, setReports] = useState<Report[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    unwrap(api.api.tasks[':id'].reports.$get({ param: { id: taskId }, query: { period } })).then(
      (r) => live && setReports(r.reports.filter((x) => x.unitId !== unitId && x.state !== 'draft')),
      () => live && setReports([]), // offline: nothing to quote, the form works as ever
    );
    return () => {
      live = false;
    };
  }, [taskId, period, unitId]);
  if (!reports || reports.length === 0) return null;

  const append = (line: string) => {
    if (fields.progress.includes(line)) return;
    onQuote({ progress: fields.progress ? `${fields.progress}\n${line}` : line });
  };
  const quoteText = (r: Report) => {
    append(`【${r.unitName}】${r.progress}`);
    setNote(`已引用${r.unitName}的进展情况`);
  };
  const quoteTargets = (r: Report) => {
    onQuote({ targetValues: { ...fields.targetValues, ...targetTextsOf(r.targetValues) } });
    setNote(`已填入${r.unitName}报送的目标值，请核对`);
  };
  const quotePhotos = (r: Report) => {
    append(`（引用${r.unitName}${periodLabel(r.period)}报告现场照片 ${r.photos.length} 张，核验码 ${r.verifyCode}）`);
    setNote(`已引用${r.unitName}的照片（原件留在其报告中）`);
  };

  return (
    <section class="card co-reports" aria-label="配合单位本期报告">
      <h2 class="card-title">配合单位本期报告 {reports.length} 份</h2>
      <p class="meta">汇总报告可一键引用配合单位报送的内容。</p>
      {note && (
        <p class="note note-ok" role="status">
          {note}
        </p>
      )}
      {reports.map((r) => (
        <article key={r.id} class="co-report">
          <p>
            <strong>{r.unitName}</strong> <span class="tag">{REPORT_STATUS_LABEL[r.status]}</span> <span class="meta">进度 {r.percent}%</span>
          </p>
          <p class="msg-text">{r.progress}</p>
          {r.targetValues.length > 0 && (
            <ul class="plain meta">
              {r.targetValues.map((v) => {
                const t = targets.find((x) => x.id === v.targetId);
                return (
                  <li key={v.targetId}>
                    {t?.text ?? '目标'}：{formatNumber(v.value)} {t?.unit ?? ''}
                  </li>
                );
              })}
            </ul>
          )}
          {r.photos.length > 0 && (
            <div class="thumbs">
              {r.photos.map((p) => (
                <ServerPhoto key={p.id} src={api.api.reports[':id'].photos[':photoId'].thumb.$path({ param: { id: r.id, photoId: p.id } })} alt={`${r.unitName}现场照片`} />
              ))}
            </div>
          )}
          <div class="co-actions">
            <button type="button" class="btn btn-small" onClick={() => quoteText(r)}>
              引用文字
            </button>
            {r.targetValues.length > 0 && (
              <button type="button" class="btn btn-small" onClick={() => quoteTargets(r)}>
                引用目标值
              </button>
            )}
            {r.photos.length > 0 && (
              <button type="button" class="btn btn-small" onClick={() => quotePhotos(r)}>
                引用照片
              </button>
            )}
          </div>
        </article>
      ))}
    </section>
  );
}
