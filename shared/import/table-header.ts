// Column roles of a plan table, by what its header cells say. Every column is read by its
// header: 序号 → number; 工作任务/重点工作/目标任务/主要内容 → text; 责任领导/牵头领导/分管领导 →
// leaders; 牵头单位 → lead units; 责任单位/配合单位/协办单位 → units (co units when a 牵头单位
// column exists); 完成时限/时间节点 → deadline; 责任板块 → areas; 类别/项目/名称 → the group an item
// sits in (a vertically merged cell, repeated on every row by the text contract).
import { stripRuleText } from './doc-rules';
import { squeeze } from './text';

export interface ColumnRoles {
  number: number;
  text: number;
  leaders: number[];
  lead: number[];
  units: number[];
  co: number[];
  deadline: number;
  areas: number[];
  group: number;
}

type Role = 'number' | 'text' | 'leaders' | 'lead' | 'units' | 'co' | 'deadline' | 'areas' | 'group';

const ROLES: Array<[RegExp, Role]> = [
  [/^(?:序号|编号|序)$/, 'number'],
  [/板块|责任区域/, 'areas'],
  [/领导|责任人|负责人/, 'leaders'],
  [/牵头单位|牵头部门|主办单位|主责单位|牵头责任单位/, 'lead'],
  [/配合单位|协办单位|参与单位|协同单位|配合部门|协作单位|协同配合单位/, 'co'],
  [/责任单位|责任部门|承办单位|实施单位|主要责任单位|落实单位/, 'units'],
  [/时限|时间节点|完成时间|进度安排|时间要求|完成期限|时间安排|完成日期/, 'deadline'],
  [/任务|重点工作|主要内容|工作内容|工作措施|具体内容|工作目标|工作事项|主要举措|实事|建设内容|重点项目|具体工作|工作举措|主要工作|指标/, 'text'],
  [/^(?:项目|名称|类别|事项|领域|板块名称|项目名称)$/, 'group'],
];

function roleOf(cell: string): Role | null {
  const h = squeeze(stripRuleText(cell));
  if (!h || h.length > 16) return null;
  for (const [re, role] of ROLES) if (re.test(h)) return role;
  return null;
}

/** The roles of a header row, or null when it is not a plain task table's header. */
export function mapHeader(cells: string[]): ColumnRoles | null {
  const roles: ColumnRoles = { number: -1, text: -1, leaders: [], lead: [], units: [], co: [], deadline: -1, areas: [], group: -1 };
  let known = 0;
  for (const [i, cell] of cells.entries()) {
    const role = roleOf(cell);
    if (!role) continue;
    known++;
    if (role === 'number' || role === 'text' || role === 'deadline' || role === 'group') {
      if (roles[role] < 0) roles[role] = i;
    } else roles[role].push(i);
  }
  const hasUnits = roles.lead.length + roles.units.length + roles.co.length > 0;
  return roles.text >= 0 && hasUnits && known >= 3 ? roles : null;
}
