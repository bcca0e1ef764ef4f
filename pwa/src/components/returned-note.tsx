// Why a report was returned, shown first: at the top of the task page and of the form where the
// unit fixes it (docs/ARCHITECTURE.md), not two screens below the 修改后重新报送 button.
import type { Report } from '../../../shared/schemas/report';
import { periodLabel } from '../../../shared/period';
import { formatDateTime } from '../lib/format';

/** The latest return of a report that is still waiting for its amendment, or null. */
export function pendingReturn(report: Report | null | undefined) {
  if (!report) return null;
  // An amendment in progress is a draft that was submitted before: still returned.
  const waiting = report.state === 'returned' || (report.state === 'draft' && !!report.submittedAt);
  if (!waiting) return null;
  return [...report.reviews].filter((v) => v.decision === 'returned').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;
}

export function ReturnedNote({ report }: { report: Report | null | undefined }) {
  const review = pendingReturn(report);
  if (!review || !report) return null;
  return (
    <div class="returned-note" role="note" aria-label="退回理由">
      <p class="returned-title">{periodLabel(report.period)}报告被退回，请修改后重新报送</p>
      <p class="returned-reason">
        <strong>退回理由：</strong>
        {review.comment || '（未填写理由）'}
      </p>
      <p class="returned-by">
        {review.reviewerName} · {formatDateTime(review.createdAt)}
      </p>
    </div>
  );
}
