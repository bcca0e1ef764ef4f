// The 印发 notice in front of a plan (主送 line, numbered requirements, signature and date) is not
// part of the plan: its `一、高度重视…` paragraphs are requirements, not tasks. Pasted pages often
// hold only the notice (the task table is an attachment that was not copied along).
import { cleanText } from './text';

/** A signature line: `2023年3月28日`, `二〇〇六年四月二十八日`, `(此件公开发布)`, `此通知`. */
const SIGNATURE =
  /^(?:\d{4}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|[(（]此件(?:公开发布|主动公开|不公开)[)）]|此通知|特此通知)$/;

/** Where the plan's own content starts: a unit annotation, a table header, a table row. */
const CONTENT = /^(?:牵头单位|责任单位|主办单位|配合单位|协办单位|责任领导|牵头领导)\s*[:：]|^序号(?:\s|\||$)|\t/;

/** A line that shows the document is (or starts with) a notice handing out a plan. */
const NOTICE_LINE =
  /关于(?:印发|分解|下达|做好).{2,}的通知|现将.{0,30}《.+》.{0,20}(?:印发|下达|分解)|《.+》.{0,40}现(?:予)?印发|印发给你们|现将有关事项通知如下/;

/**
 * Index of the notice's last signature line before the plan's content, or -1 when there is none.
 * Lines up to it are the notice.
 */
export function noticeEnd(lines: string[]): number {
  let end = -1;
  for (let i = 0; i < lines.length; i++) {
    const t = cleanText(lines[i]!);
    if (CONTENT.test(lines[i]!.trim()) || CONTENT.test(t)) break;
    if (SIGNATURE.test(t)) end = i;
  }
  return end;
}

/** True when the document hands out a plan by a notice (its first 60 lines say so). */
export function looksLikeNotice(lines: string[]): boolean {
  return lines.slice(0, 60).some((l) => NOTICE_LINE.test(cleanText(l)));
}
