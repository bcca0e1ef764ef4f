// Words of the demo history: what units write in a monthly report, why the office returns one,
// what leaders instruct and how units answer. Picked by a seeded random, so every fresh demo is
// the same.
export type Rand = () => number;

/** A small deterministic generator (mulberry32). */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** The first clause of a task's text, short enough for a sentence. */
export function gist(text: string): string {
  const first = text.split(/[。；;，,：:]/)[0] ?? text;
  return first.length > 30 ? `${first.slice(0, 30)}…` : first;
}

const DONE_WORK = [
  '召开专题推进会，明确责任分工和时间节点',
  '完成阶段性现场踏勘，形成问题清单',
  '会同相关部门开展联合督导检查',
  '完成项目方案论证并报区政府审定',
  '组织施工单位倒排工期、挂图作战',
  '完成资金拨付和招标采购程序',
  '开展专项调研，走访企业和群众',
  '主体工程按计划推进，形象进度符合预期',
];
const PROBLEMS_BEHIND = [
  '受连续降雨影响，室外施工进度滞后约两周。',
  '部分地块征迁尚未完成，影响后续施工。',
  '上级审批手续办理周期较长，项目开工时间推迟。',
  '资金到位较计划偏慢，部分采购延后。',
];
const PROBLEMS_BLOCKED = ['涉及跨部门协调事项，需区领导协调解决。', '用地指标尚未落实，需市级层面支持。'];
const NEXT = [
  '下月将加快推进，确保按时序完成年度目标。',
  '继续做好跟踪协调，每周通报进度。',
  '抓紧补齐短板，力争追回滞后进度。',
  '做好年度总结和考核迎检准备。',
];

export function reportTexts(r: Rand, o: { taskText: string; month: number; percent: number; status: string }) {
  const work = [pick(r, DONE_WORK), pick(r, DONE_WORK)].filter((w, i, a) => a.indexOf(w) === i).join('；');
  const progress = `${o.month}月，围绕“${gist(o.taskText)}”，${work}。截至月底，年度任务完成约${o.percent}%。`;
  const problems = o.status === 'behind' ? pick(r, PROBLEMS_BEHIND) : o.status === 'blocked' ? pick(r, PROBLEMS_BLOCKED) : r() < 0.3 ? '暂无。' : '';
  return { progress, problems, nextSteps: o.status === 'done' ? '巩固成果，做好长效管理。' : pick(r, NEXT) };
}

export const RETURN_REASONS = [
  '进展情况过于笼统，请补充具体工程量和完成数据。',
  '未附现场照片，请补充能反映形象进度的照片。',
  '目标完成值与上月数据不一致，请核实后重新报送。',
];
export const AMEND_NOTE = '（已按退回意见补充：本月完成投资和工程量数据已核实，附现场照片。）';

export const INSTRUCTIONS = [
  '请加快推进，确保按时序完成年度目标，有困难及时报告。',
  '此项工作群众关注度高，请主要负责同志亲自抓，每月报进展。',
  '请会同相关部门研究解决征迁问题，下次会议专题汇报。',
  '进度偏慢，请分析原因，提出追赶措施。',
  '成效明显，请总结经验做法，形成可推广的案例。',
];
export const ANSWERS = [
  '已召开专题会议落实批示要求，明确专人负责，每周调度进度。',
  '已会同相关部门现场办公，征迁问题已有解决方案，本月底前完成。',
  '已分析滞后原因并制定追赶计划，预计下月追回进度。',
];
