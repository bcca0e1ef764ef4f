// A report's texts as a reader sees them: 进展情况, then 存在问题 and 下步计划 when filled in.

function Labelled({ label, text }: { label: string; text: string }) {
  if (!text) return null;
  return (
    <p class="report-text">
      <span class="mini">{label}：</span>
      {text}
    </p>
  );
}

export function ReportTexts({ report: r }: { report: { progress: string; problems: string; nextSteps: string } }) {
  return (
    <>
      <p class="report-text">{r.progress}</p>
      <Labelled label="存在问题" text={r.problems} />
      <Labelled label="下步计划" text={r.nextSteps} />
    </>
  );
}
