// Golden test: 吴江区《区政府2024年重点工作目标任务分解落实方案》 (seeds/wujiang-2024-tasks.txt).
//
// Every expectation here was derived by READING the document, not from any parser's output.
// The document is a web copy of a five-column table (序号 | 项目 | 重点工作目标任务 | 牵头领导 |
// 责任单位) flattened to "cell / `|` line / cell …", with filler lines of bars (`||`, `|||`) after
// short rows. How to read the 牵头领导 column:
// - a row whose leader cell is ABSENT (text | units) continues a vertically merged leader cell:
//   the leader above (e.g. indicator 2, tasks 20-24, 63-65, 73-79);
// - a row whose leader cell is EMPTY (text | (blank) | units) also takes the leader above — the
//   team rule for this document (e.g. indicators 3, 5, 7, 9; tasks 18, 46, 71, 82, 87-89, 98);
// - a merged cell cannot cross a full-width section heading row, so the empty cells at the top of
//   sections 三 (tasks 32-36) and 四 (tasks 40-42) have no leader above them: leaders [].
// Section 二's heading row is printed empty (line 95), so tasks 12-31 have no section heading.
// Two 项目 names wrap into the next row: 壮大新|兴产业 and 保护用好文化|资源.
import { describe, expect, it } from 'vitest';
import { ParsedPlan, type ParsedItem } from '../../shared/schemas/import';
import { findItem, lazyParse, squash } from './support';

const parsed = lazyParse('wujiang-2024-tasks.txt', 'seeds');

/** `1.8万人` and `18000人` are the same target: compare in the form without 万. */
function canonical(value: number, unit: string): { value: number; unit: string } {
  return unit.length > 1 && unit.startsWith('万') ? { value: value * 10_000, unit: unit.slice(1) } : { value, unit };
}
/** `'650亿元'` → { value: 650, unit: '亿元' } (canonical form). */
function targetSpec(spec: string): { value: number; unit: string } {
  const m = /^(\d+(?:\.\d+)?)(.+)$/.exec(spec);
  if (!m) throw new Error(`bad target spec ${spec}`);
  return canonical(Number(m[1]), m[2]!);
}

// Section headings as printed, numbering marker removed. null = section 二 (heading row empty).
const S1 = '2024年全区经济社会发展主要预期目标';
const S3 = '强化科技创新引领,培育新动能抢占战略制高点';
const S4 = '发挥民营经济优势,构建更具竞争力的现代产业体系';
const S5 = '全面推进乡村振兴,争当共同富裕先行示范';
const S6 = '传承发展江南文化,探索中华民族现代文明建设新实践';
const S7 = '加快绿色低碳转型,展现人与自然和谐共生美丽图景';
const S8 = '持续增进民生福祉,推动发展成果更好惠及百姓';
const S9 = '全力防范化解风险,推进安全发展水平持续提升';
const S10 = '持续加强政府自身建设,不断改进工作作风,着力提升履职能力,努力建设法治高效廉洁政府';

/** Every 项目 block: [section, block, first number, last number]. Numbers 1-11 are indicators. */
const BLOCKS: Array<[section: string | null, block: string, first: number, last: number]> = [
  [S1, '主要预期目标', 1, 11],
  [null, '筑牢经济发展底座', 12, 18],
  [null, '争创更多试点示范', 19, 23],
  [null, '推进协同开放增效', 24, 27],
  [null, '提升城市功能品质', 28, 31],
  [S3, '育强科创森林', 32, 34],
  [S3, '提升科创能级', 35, 36],
  [S3, '优化科创生态', 37, 39],
  [S4, '焕新传统产业', 40, 42],
  [S4, '壮大新兴产业', 43, 45], // printed 壮大新 (row 43) + 兴产业 (row 45)
  [S4, '培育未来产业', 46, 48],
  [S5, '推动农业高质高效', 49, 52],
  [S5, '推动乡村宜居宜业', 53, 56],
  [S5, '推动农民富裕富足', 57, 59],
  [S6, '保护用好文化资源', 60, 62], // printed 保护用好文化 (row 60) + 资源 (row 62)
  [S6, '繁荣文化事业和产业', 63, 68], // its 序号 cell is empty
  [S6, '涵养社会文明新风尚', 69, 71],
  [S7, '全力抓好太湖综合治理', 72, 74],
  [S7, '持续改善生态环境质量', 75, 79],
  [S7, '加快推动绿色低碳转型', 80, 83],
  [S8, '完善民生保障体系', 84, 89],
  [S8, '提供优质公共服务', 90, 93],
  [S8, '打造舒心生活环境', 94, 99],
  [S9, '全力防范化解风险隐患', 100, 103],
  [S9, '加快推进韧性城市建设', 104, 107],
  [S9, '着力提升社会治理水平', 108, 111],
  [S10, '坚持依法行政', 112, 114],
  [S10, '坚持高效勤政', 115, 116],
  [S10, '坚持廉洁从政', 117, 118],
];

/** 牵头领导 of every row: [first, last, names separated by spaces ('' = none)]. */
const LEADER_RUNS: Array<[first: number, last: number, leaders: string]> = [
  [1, 5, '钱宇'], // 2 merged, 3 and 5 empty cells
  [6, 7, '方勇'], // 7 empty
  [8, 9, '钱宇'], // 9 empty
  [10, 10, '王嵘 方勇'],
  [11, 12, '钱宇'],
  [13, 13, '方勇'],
  [14, 14, '钱宇 沈伟江'],
  [15, 15, '钱宇'],
  [16, 16, '方勇'],
  [17, 24, '钱宇'], // 18 empty; 20-24 merged from 19 (across the 推进协同开放增效 boundary)
  [25, 27, '方勇'],
  [28, 28, '钱宇'],
  [29, 30, '沈伟江'],
  [31, 31, '钱宇'],
  [32, 36, ''], // empty cells right under heading 三: nothing above inside the section
  [37, 37, '李红'],
  [38, 39, '钱宇'],
  [40, 42, ''], // empty cells right under heading 四
  [43, 48, '钱宇'], // 44, 48 merged; 46 empty (first row of 培育未来产业, 45 above)
  [49, 52, '孙俊良'],
  [53, 53, '沈伟江'],
  [54, 54, '孙俊良'],
  [55, 55, '沈伟江'],
  [56, 56, '王嵘 沈伟江 孙俊良 方勇'],
  [57, 57, '钱宇'],
  [58, 65, '孙俊良'], // 59, 61, 63-65 merged (63 across the block boundary)
  [66, 66, '钱宇'],
  [67, 68, '孙俊良'],
  [69, 69, '沈伟江 郁海成 方勇'],
  [70, 71, '孙俊良'], // 71 empty
  [72, 79, '王嵘 方勇'], // 73-79 merged, across the 持续改善生态环境质量 boundary
  [80, 82, '钱宇'], // 82 empty
  [83, 83, '王嵘 方勇'],
  [84, 84, '钱宇 李红'],
  [85, 85, '李红'],
  [86, 89, '钱宇 李红'], // 87-89 empty
  [90, 93, '李红'],
  [94, 94, '方勇'],
  [95, 96, '沈伟江'],
  [97, 98, '孙俊良'], // 98 empty
  [99, 99, '方勇'],
  [100, 100, '钱宇'],
  [101, 102, '沈伟江'],
  [103, 103, '钱宇 沈伟江 李红'],
  [104, 104, '钱宇'],
  [105, 105, '郁海成'],
  [106, 106, '钱宇'],
  [107, 107, '王嵘 钱宇 沈伟江 孙俊良 方勇'],
  [108, 111, '郁海成'],
  [112, 112, '钱宇 郁海成'],
  [113, 113, '沈伟江 郁海成'],
  [114, 114, '钱宇'],
  [115, 115, '郁海成'],
  [116, 116, '王嵘 钱宇 沈伟江'],
  [117, 118, '钱宇'], // 118 merged
];

const kindOf = (n: number): ParsedItem['kind'] => (n <= 11 ? 'indicator' : 'task');
const allNumbers = Array.from({ length: 118 }, (_, i) => i + 1);

interface Row {
  kind: 'indicator' | 'task';
  number: string;
  section: string | null; // heading in the path; null = section 二 (no heading printed)
  block: string; // last path element: the 项目 of the merged block
  phrase: string; // a distinctive piece of the text (whitespace-free)
  startsWith?: string; // for rows next to block boundaries: the text begins right after "N."
  lead: string[];
  co: string[];
  leaders: string[];
  targets?: string[] | 'none'; // present by value+unit; 'none' = targets: []
  deadline: string | null;
}

const ROWS: Row[] = [
  // 主要预期目标 (indicators)
  { kind: 'indicator', number: '1', section: S1, block: '主要预期目标', phrase: '地区生产总值增长5%以上', startsWith: '地区生产总值',
    lead: ['区发改委'], co: ['统计局'], leaders: ['钱宇'], targets: 'none', deadline: null },
  { kind: 'indicator', number: '2', section: S1, block: '主要预期目标', phrase: '一般公共预算收入同口径增长6%以上',
    lead: ['区财政局'], co: ['税务局'], leaders: ['钱宇'], targets: 'none', deadline: null }, // leader cell merged
  { kind: 'indicator', number: '3', section: S1, block: '主要预期目标', phrase: '规上工业总产值增长5%左右',
    lead: ['区工信局'], co: ['统计局'], leaders: ['钱宇'], targets: 'none', deadline: null }, // empty leader cell
  { kind: 'indicator', number: '6', section: S1, block: '主要预期目标', phrase: '进出口总额和实际使用外资量稳质升',
    lead: ['区商务局'], co: ['吴江海关'], leaders: ['方勇'], targets: 'none', deadline: null },
  { kind: 'indicator', number: '7', section: S1, block: '主要预期目标', phrase: '全社会研发投入占地区生产总值比重达4.15%',
    lead: ['区科技局'], co: ['统计局'], leaders: ['方勇'], targets: 'none', deadline: null }, // empty cell under 方勇
  { kind: 'indicator', number: '10', section: S1, block: '主要预期目标', phrase: '主要污染物排放总量削减完成上级下达任务',
    lead: ['生态环境局'], co: [], leaders: ['王嵘', '方勇'], targets: 'none', deadline: null },
  { kind: 'indicator', number: '11', section: S1, block: '主要预期目标', phrase: '不发生重特大生产安全责任事故',
    lead: ['区应急管理局'], co: [], leaders: ['钱宇'], targets: 'none', deadline: null },

  // 二 (heading not printed)
  { kind: 'task', number: '12', section: null, block: '筑牢经济发展底座', phrase: '285个省、市、区三级重点项目完成年度投资650亿元以上',
    startsWith: '强化“大抓项目、抓大项目”导向', lead: ['区发改委'], co: [], leaders: ['钱宇'],
    targets: ['285个', '650亿元'], deadline: null }, // 年度 is not a time word
  { kind: 'task', number: '13', section: null, block: '筑牢经济发展底座', phrase: '新增投资1-10亿元项目100个',
    lead: ['区商务局'], co: ['发改委', '科技局'], leaders: ['方勇'], targets: ['100个', '20个', '5个', '2个'], deadline: null },
  { kind: 'task', number: '14', section: null, block: '筑牢经济发展底座', phrase: '实施柳胥河、三里桥等城中村改造项目',
    lead: ['区发改委', '住建局'], co: ['吴江开发区'], leaders: ['钱宇', '沈伟江'], deadline: null },
  { kind: 'task', number: '15', section: null, block: '筑牢经济发展底座', phrase: '推动在全国百强镇榜单中争先进位',
    lead: ['区发改委'], co: ['统计局', '吴江开发区', '汾湖高新区', '吴江高新区', '东太湖度假区', '七都镇', '震泽镇', '平望镇'],
    leaders: ['钱宇'], deadline: null },
  { kind: 'task', number: '18', section: null, block: '筑牢经济发展底座', phrase: '新增上市公司3家以上',
    lead: ['区金融监管局'],
    co: ['发改委', '科技局', '工信局', '财政局', '自然资源和规划局', '住建局', '农业农村局', '东方国资', '生态环境局'],
    leaders: ['钱宇'], targets: ['3家'], deadline: null }, // empty leader cell, last row of the block
  { kind: 'task', number: '19', section: null, block: '争创更多试点示范', phrase: '推进跨省域高新区争创国家高新区',
    startsWith: '全力争取与示范区建设相适应的行政管理模式', lead: ['区发改委'], co: ['科技局', '汾湖高新区'], leaders: ['钱宇'],
    targets: 'none', deadline: null },
  { kind: 'task', number: '20', section: null, block: '争创更多试点示范', phrase: '积极争取人才个税补贴等政策',
    lead: ['区发改委'], co: ['区委组织部（人才办）', '区财政局', '税务局'], leaders: ['钱宇'], deadline: null },
  { kind: 'task', number: '23', section: null, block: '争创更多试点示范', phrase: '开发者大会暨全链接大会',
    lead: ['区发改委'], co: ['汾湖高新区'], leaders: ['钱宇'], deadline: null },
  { kind: 'task', number: '24', section: null, block: '推进协同开放增效', phrase: '强化与张江科学城、临港新片区的交流合作',
    startsWith: '深入推进沪苏', lead: ['区发改委'], co: ['区委组织部（人才办）', '区科技局', '工信局', '商务局'],
    leaders: ['钱宇'], targets: 'none', deadline: null }, // leader merged across the block boundary
  { kind: 'task', number: '27', section: null, block: '推进协同开放增效', phrase: '扩大APEC商务卡惠及面',
    lead: ['区商务局'], co: ['外事办'], leaders: ['方勇'], targets: ['2家'], deadline: null },
  { kind: 'task', number: '29', section: null, block: '提升城市功能品质', phrase: '确保沪苏湖高铁年底顺利通车',
    lead: ['区交通运输局'], co: [], leaders: ['沈伟江'], deadline: '2024-12-31' },
  { kind: 'task', number: '30', section: null, block: '提升城市功能品质', phrase: '建成10个以上低空飞行器起降点',
    lead: ['区交通运输局'], co: ['自然资源和规划局', '长三角公司'], leaders: ['沈伟江'], targets: ['10个'], deadline: null },
  { kind: 'task', number: '31', section: null, block: '提升城市功能品质', phrase: '完善城市运行感知体系',
    lead: ['区大数据管理局'], co: ['城管局'], leaders: ['钱宇'], targets: 'none', deadline: null },

  // 三
  { kind: 'task', number: '32', section: S3, block: '育强科创森林', phrase: '高新技术企业数突破1600家',
    startsWith: '推进创新型企业梯队建设', lead: ['区科技局'], co: ['工信局'], leaders: [],
    targets: ['1600家', '2500家', '55家', '20家'], deadline: null },
  { kind: 'task', number: '34', section: S3, block: '育强科创森林', phrase: '万人高价值发明专利达32件',
    lead: ['区科技局'], co: ['市场监管局', '税务局'], leaders: [], targets: ['32件'], deadline: null },
  { kind: 'task', number: '36', section: S3, block: '提升科创能级', phrase: '新完成产学研合作项目140个',
    lead: ['区科技局', '工信局'], co: [], leaders: [], targets: ['10家', '140个', '10个', '3个'], deadline: null },
  { kind: 'task', number: '37', section: S3, block: '优化科创生态', phrase: '引留高校毕业生1.8万人',
    lead: ['区委组织部（人才办）', '区人社局'], co: [], leaders: ['李红'], targets: ['1.8万人', '40.7万人'], deadline: null },
  { kind: 'task', number: '39', section: S3, block: '优化科创生态', phrase: '成立吴江区产业投资母基金二期',
    lead: ['区科技局', '金融监管局', '东方国资'], co: ['区财政局（国资办）'], leaders: ['钱宇'],
    targets: ['30家', '150亿元'], deadline: null },

  // 四
  { kind: 'task', number: '40', section: S4, block: '焕新传统产业', phrase: '集中力量推动链主企业做大做强',
    startsWith: '巩固拓展民营经济优势', lead: ['区工信局'], co: [], leaders: [], deadline: null },
  { kind: 'task', number: '42', section: S4, block: '焕新传统产业', phrase: '完善工业企业资源集约利用综合评价',
    lead: ['区工信局'], co: ['自然资源和规划局'], leaders: [], targets: 'none', deadline: null },
  { kind: 'task', number: '43', section: S4, block: '壮大新兴产业', phrase: '招引和培育新能源项目15个以上',
    lead: ['区发改委'], co: ['工信局', '商务局', '吴江开发区', '同里镇'], leaders: ['钱宇'], targets: ['15个'], deadline: null },
  { kind: 'task', number: '44', section: S4, block: '壮大新兴产业', phrase: '吸引40家上下游企业落户',
    lead: ['区发改委'], co: ['工信局', '交通运输局', '商务局'], leaders: ['钱宇'], targets: ['40家'], deadline: null },
  { kind: 'task', number: '45', section: S4, block: '壮大新兴产业', phrase: '实现数字经济核心产业增加值占GDP比重16%以上',
    startsWith: '大力发展工业互联网', lead: ['区发改委', '工信局'], co: ['东方国资'], leaders: ['钱宇'], deadline: null },
  { kind: 'task', number: '46', section: S4, block: '培育未来产业', phrase: '支持争取工程博士专业学位授权点',
    startsWith: '发挥苏州大学未来校区平台作用', lead: ['长三角公司', '东太湖度假区'], co: ['东方国资'], leaders: ['钱宇'],
    deadline: null }, // empty cell on the first row of a block: 钱宇 of task 45 above
  { kind: 'task', number: '48', section: S4, block: '培育未来产业', phrase: '推动朗雄储能等新型储能重点项目尽快建成投产',
    lead: ['区发改委'], co: ['科技局', '工信局'], leaders: ['钱宇'], deadline: null },

  // 五
  { kind: 'task', number: '52', section: S5, block: '推动农业高质高效', phrase: '新建高标准农田7300亩',
    lead: ['区农业农村局'], co: [], leaders: ['孙俊良'], targets: ['7300亩'], deadline: null },
  { kind: 'task', number: '53', section: S5, block: '推动乡村宜居宜业', phrase: '新创建特色精品乡村2个、特色康居乡村20个',
    lead: ['区住建局'], co: ['农业农村局'], leaders: ['沈伟江'], targets: ['2个', '20个'], deadline: null },
  { kind: 'task', number: '56', section: S5, block: '推动乡村宜居宜业', phrase: '完成150个自然村生活污水处理设施建设',
    lead: ['区城管局', '水务局', '农业农村局'], co: ['水务集团'], leaders: ['王嵘', '沈伟江', '孙俊良', '方勇'],
    targets: ['150个'], deadline: null },
  { kind: 'task', number: '59', section: S5, block: '推动农民富裕富足', phrase: '实现全区村均集体经营性收入达600万元',
    lead: ['区农业农村局'], co: ['统计局'], leaders: ['孙俊良'], targets: ['35个', '600万元'], deadline: null },

  // 六
  { kind: 'task', number: '60', section: S6, block: '保护用好文化资源', phrase: '推动同里、黎里、震泽等江南古镇联合申遗',
    lead: ['区文体广电和旅游局'],
    co: ['区委宣传部', '区自然资源和规划局', '住建局', '汾湖高新区', '七都镇', '震泽镇', '平望镇', '同里镇'],
    leaders: ['孙俊良'], deadline: null },
  { kind: 'task', number: '61', section: S6, block: '保护用好文化资源', phrase: '建设重点公共文化领域专题数据库',
    lead: ['区委宣传部', '区文体广电和旅游局', '文旅集团'], co: [], leaders: ['孙俊良'], deadline: null },
  { kind: 'task', number: '62', section: S6, block: '保护用好文化资源', phrase: '讲好江南文化名人故事',
    startsWith: '做好“名”系列文章', lead: ['区文体广电和旅游局'], co: ['区委宣传部', '文旅集团', '七都镇'], leaders: ['孙俊良'],
    deadline: null },
  { kind: 'task', number: '63', section: S6, block: '繁荣文化事业和产业', phrase: '计划投资近50亿元的50个文化产业重点项目建设',
    startsWith: '推进腾讯数字', lead: ['区委宣传部', '区文体广电和旅游局'], co: ['发改委'], leaders: ['孙俊良'],
    targets: ['50个'], deadline: null },
  { kind: 'task', number: '64', section: S6, block: '繁荣文化事业和产业', phrase: '实现文化产业产值220亿元以上',
    lead: ['区文体广电和旅游局', '文旅集团'], co: ['东方国资'], leaders: ['孙俊良'], targets: ['25个', '15家', '220亿元'],
    deadline: null },
  { kind: 'task', number: '66', section: S6, block: '繁荣文化事业和产业', phrase: '推进太湖苏州湾度假乐园建设',
    lead: ['东太湖度假区'], co: [], leaders: ['钱宇'], targets: 'none', deadline: null },
  { kind: 'task', number: '69', section: S6, block: '涵养社会文明新风尚', phrase: '常态长效推进文明城市建设',
    lead: ['区委宣传部（文明办）'], co: ['区公安局', '住建局', '城管局', '市场监管局'], leaders: ['沈伟江', '郁海成', '方勇'],
    targets: 'none', deadline: null },
  { kind: 'task', number: '71', section: S6, block: '涵养社会文明新风尚', phrase: '创建江苏省婚俗改革实验区',
    lead: ['区民政局'], co: [], leaders: ['孙俊良'], targets: 'none', deadline: null }, // empty cell, last before 七

  // 七
  { kind: 'task', number: '72', section: S7, block: '全力抓好太湖综合治理', phrase: '实现太湖一级保护区农村生活污水全部纳管处理',
    lead: ['生态环境局'], co: ['区工信局', '水务局', '水务集团'], leaders: ['王嵘', '方勇'], deadline: null },
  { kind: 'task', number: '74', section: S7, block: '全力抓好太湖综合治理', phrase: '完成环鼋荡岸线贯通等工程',
    lead: ['区水务局', '生态环境局'], co: ['汾湖高新区'], leaders: ['王嵘', '方勇'], targets: ['2个'], deadline: null },
  { kind: 'task', number: '75', section: S7, block: '持续改善生态环境质量', phrase: '全力抓好中央、省生态环境保护督察反馈问题整改',
    lead: ['污防攻坚办'], co: ['生态环境局'], leaders: ['王嵘', '方勇'], targets: 'none', deadline: null },
  { kind: 'task', number: '76', section: S7, block: '持续改善生态环境质量', phrase: '加快吴江纺织循环经济产业园等4个印染',
    lead: ['突出生态环境问题整治工作专班'], co: ['区工信局', '应急管理局', '生态环境局'], leaders: ['王嵘', '方勇'],
    targets: ['4个'], deadline: null },
  { kind: 'task', number: '79', section: S7, block: '持续改善生态环境质量', phrase: '打造工业发达和人口稠密地区生物多样性保护样板区',
    lead: ['生态环境局'], co: [], leaders: ['王嵘', '方勇'], targets: ['15个'], deadline: null },
  { kind: 'task', number: '80', section: S7, block: '加快推动绿色低碳转型', phrase: '推动构建ESG发展生态圈',
    startsWith: '全面落实示范区碳达峰实施方案', lead: ['区发改委'], co: ['工信局', '水务局', '市场监管局', '生态环境局'],
    leaders: ['钱宇'], deadline: null },
  { kind: 'task', number: '82', section: S7, block: '加快推动绿色低碳转型', phrase: '完成整优提升1.2万亩',
    lead: ['区工信局'], co: [], leaders: ['钱宇'], targets: ['1.2万亩'], deadline: null },
  { kind: 'task', number: '83', section: S7, block: '加快推动绿色低碳转型', phrase: '举办太湖生态论坛并设立永久会址',
    lead: ['生态环境局'], co: [], leaders: ['王嵘', '方勇'], deadline: null },

  // 八
  { kind: 'task', number: '84', section: S8, block: '完善民生保障体系', phrase: '城镇新增就业3.5万人',
    lead: ['区发改委', '人社局'], co: [], leaders: ['钱宇', '李红'], targets: ['3.5万人', '7500人次'], deadline: null },
  { kind: 'task', number: '87', section: S8, block: '完善民生保障体系', phrase: '完成全省社会救助领域创新实践试点',
    lead: ['区民政局'], co: [], leaders: ['钱宇', '李红'], deadline: null }, // empty cell under two leaders
  { kind: 'task', number: '89', section: S8, block: '完善民生保障体系', phrase: '做好军人军属、退役军人和其他优抚对象优待抚恤工作',
    lead: ['区退役军人事务局'], co: [], leaders: ['钱宇', '李红'], targets: 'none', deadline: null },
  { kind: 'task', number: '90', section: S8, block: '提供优质公共服务', phrase: '新增学位4020个',
    lead: ['区教育局'], co: ['汾湖高新区', '吴江高新区', '七都镇', '桃源镇', '震泽镇', '平望镇'], leaders: ['李红'],
    targets: ['7所', '4020个'], deadline: null },
  { kind: 'task', number: '93', section: S8, block: '提供优质公共服务', phrase: '完成老年人家庭适老化改造1660户',
    lead: ['区教育局', '民政局', '卫健委'], co: [], leaders: ['李红'], targets: ['1660户', '11个'], deadline: null },
  { kind: 'task', number: '95', section: S8, block: '打造舒心生活环境', phrase: '完成动迁安置70万平方米',
    lead: ['区住建局'], co: ['各区镇'], leaders: ['沈伟江'], targets: ['70万平方米', '2000户', '19个'], deadline: null },
  { kind: 'task', number: '98', section: S8, block: '打造舒心生活环境', phrase: '建设全龄友好型城市',
    lead: ['区民政局', '团区委', '妇联'], co: ['教育局', '卫健委'], leaders: ['孙俊良'], targets: 'none', deadline: null },
  { kind: 'task', number: '99', section: S8, block: '打造舒心生活环境', phrase: '创建江苏省计量惠民示范区',
    lead: ['区市场监管局'], co: [], leaders: ['方勇'], targets: 'none', deadline: null },

  // 九
  { kind: 'task', number: '100', section: S9, block: '全力防范化解风险隐患', phrase: '严格落实安全生产责任制',
    startsWith: '一刻不松抓好安全生产', lead: ['区应急管理局'], co: [], leaders: ['钱宇'], targets: 'none', deadline: null },
  { kind: 'task', number: '101', section: S9, block: '全力防范化解风险隐患', phrase: '完成剩余412栋疑似严重损坏房屋整治',
    lead: ['区住建局', '交通运输局'], co: ['应急管理局'], leaders: ['沈伟江'], targets: ['412栋'], deadline: null },
  { kind: 'task', number: '102', section: S9, block: '全力防范化解风险隐患', phrase: '危桥当年处置率均达100%',
    lead: ['区交通运输局'], co: ['公安局'], leaders: ['沈伟江'], deadline: null }, // 当年 is not a time word
  { kind: 'task', number: '103', section: S9, block: '全力防范化解风险隐患', phrase: '着力化解地方债务、金融、房地产、劳动关系等领域风险',
    lead: ['区财政局', '人社局', '住建局', '金融监管局'], co: [], leaders: ['钱宇', '沈伟江', '李红'], targets: 'none', deadline: null },
  { kind: 'task', number: '107', section: S9, block: '加快推进韧性城市建设', phrase: '做好城市生命线安全工程试点',
    lead: ['区住建局', '水务局', '应急管理局', '气象局'], co: [], leaders: ['王嵘', '钱宇', '沈伟江', '孙俊良', '方勇'],
    deadline: null },
  { kind: 'task', number: '108', section: S9, block: '着力提升社会治理水平', phrase: '建强两级网格化服务管理中心',
    lead: ['区委政法委', '区综合指挥中心'], co: [], leaders: ['郁海成'], deadline: null },
  { kind: 'task', number: '111', section: S9, block: '着力提升社会治理水平', phrase: '争创全国信访工作示范县',
    lead: ['区委政法委'], co: ['区信访局', '公安局'], leaders: ['郁海成'], deadline: null },

  // 十
  { kind: 'task', number: '112', section: S10, block: '坚持依法行政', phrase: '深入推进法治政府建设',
    lead: ['区政府办公室', '司法局'], co: [], leaders: ['钱宇', '郁海成'], deadline: null },
  { kind: 'task', number: '115', section: S10, block: '坚持高效勤政', phrase: '推动政务服务可网办率超96%',
    lead: ['区司法局', '工信局'], co: ['检察院', '行政审批局'], leaders: ['郁海成'], targets: 'none', deadline: null },
  { kind: 'task', number: '116', section: S10, block: '坚持高效勤政', phrase: '拿地即开工',
    lead: ['区自然资源和规划局', '住建局', '行政审批局'], co: [], leaders: ['王嵘', '钱宇', '沈伟江'], targets: 'none',
    deadline: null },
  { kind: 'task', number: '117', section: S10, block: '坚持廉洁从政', phrase: '坚持不敢腐、不能腐、不想腐一体推进',
    lead: ['区纪委监委', '区政府办公室'], co: ['审计局', '机关事务管理中心'], leaders: ['钱宇'], deadline: null },
  { kind: 'task', number: '118', section: S10, block: '坚持廉洁从政', phrase: '持续压降一般性支出',
    startsWith: '落实过紧日子要求', lead: ['区财政局'], co: [], leaders: ['钱宇'], targets: 'none', deadline: null },
];

describe('wujiang-2024 golden: 区政府2024年重点工作目标任务分解落实方案', () => {
  it('satisfies the ParsedPlan contract', () => {
    expect(() => ParsedPlan.parse(parsed())).not.toThrow();
  });

  it('reads the plan header', () => {
    expect(parsed().plan).toEqual({
      title: '区政府2024年重点工作目标任务分解落实方案',
      issuer: '苏州市吴江区人民政府',
      docNumber: null, // no 吴政发〔…〕 number is printed in this copy
      year: 2024,
    });
  });

  it('finds 11 indicators numbered 1-11 and 107 tasks numbered 12-118, in order, and no drafts', () => {
    const { items } = parsed();
    const numbersOf = (kind: ParsedItem['kind']) => items.filter((i) => i.kind === kind).map((i) => i.number);
    expect(numbersOf('indicator')).toEqual(allNumbers.filter((n) => n <= 11).map(String));
    expect(numbersOf('task')).toEqual(allNumbers.filter((n) => n >= 12).map(String));
    expect(numbersOf('draft')).toEqual([]);
    expect(items).toHaveLength(118); // the document says 共118项
  });

  it('takes nothing from the note or the website junk after the table', () => {
    const { items } = parsed();
    for (const item of items) {
      const all = [item.text, ...item.leadUnits, ...item.coUnits, ...item.leaders, ...item.path].join('\n');
      for (const junk of ['注:', '为牵头单位', '原文链接', '免责声明', '华夏泰科', 'TOP', '客服', '电话', '微信']) {
        expect(all, `${item.kind} ${item.number}`).not.toContain(junk);
      }
    }
    const last = findItem(items, 'task', '118');
    expect(squash(last.text).endsWith('改善民生上。')).toBe(true);
    expect(last.leadUnits).toEqual(['区财政局']);
    expect(last.coUnits).toEqual([]);
  });

  it('puts every item under its 项目 block and section heading', () => {
    const { items } = parsed();
    const want: Record<string, { block: string; section: unknown }> = {};
    const got: Record<string, { block: unknown; section: unknown }> = {};
    for (const [section, block, first, last] of BLOCKS) {
      for (let n = first; n <= last; n++) {
        want[n] = { block, section };
        const path = items.find((i) => i.kind === kindOf(n) && i.number === String(n))?.path ?? ['(missing item)'];
        // Section 二 prints no heading: section 一's heading must not leak into its paths.
        const sectionOk = section ? path.includes(section) : !path.includes(S1);
        const wellFormed = path.every((p) => p.length > 0 && !/\s/.test(p));
        got[n] = { block: path.at(-1), section: sectionOk && wellFormed ? section : path };
      }
    }
    expect(got).toEqual(want);
  });

  it('gives every row its 牵头领导, carrying merged and empty cells down from the leader above', () => {
    const { items } = parsed();
    const want: Record<string, string> = {};
    const got: Record<string, string> = {};
    for (const [first, last, names] of LEADER_RUNS) {
      for (let n = first; n <= last; n++) {
        want[n] = names;
        got[n] = items.find((i) => i.kind === kindOf(n) && i.number === String(n))?.leaders.join(' ') ?? '(missing item)';
      }
    }
    expect(got).toEqual(want);
  });

  it('normalises names and texts on every item', () => {
    for (const item of parsed().items) {
      const where = `${item.kind} ${item.number}`;
      expect(item.text.length, where).toBeGreaterThan(0);
      expect(item.text, where).not.toMatch(/\s|★|\|/);
      expect(item.text, where).not.toMatch(/^\d+[.．、]/); // own number prefix removed
      expect(item.leadUnits.length, where).toBeGreaterThan(0); // every row marks a ★ unit
      for (const name of [...item.leadUnits, ...item.coUnits, ...item.leaders]) {
        expect(name, where).not.toMatch(/\s|★|[()]|[、，,；;。]$/);
        expect(name.length, where).toBeGreaterThan(0);
      }
      expect(item.areas, where).toEqual([]); // this table has no 主要责任板块 column
    }
  });

  it('has exactly one deadline: 年底 in task 29', () => {
    const withDeadline = parsed()
      .items.filter((i) => i.deadline !== null)
      .map((i) => [i.kind, i.number, i.deadline]);
    expect(withDeadline).toEqual([['task', '29', '2024-12-31']]);
  });

  it('warns only about the website lines after the table (lines 892+), if at all', () => {
    // Lines 1-891 are all placeable: header, table, empty section-二 row, the ★ note (line 891).
    const early = parsed().warnings.filter((w) => w.line < 892);
    expect(early).toEqual([]);
  });

  it.each(ROWS.map((row) => [`${row.kind} ${row.number} (${row.block})`, row] as const))('%s', (_name, row) => {
    const item = findItem(parsed().items, row.kind, row.number);
    const text = squash(item.text);

    expect(item.path.at(-1)).toBe(row.block);
    if (row.section) expect(item.path).toContain(row.section);
    else expect(item.path).not.toContain(S1);

    expect(text).toContain(row.phrase);
    if (row.startsWith) expect(text.startsWith(row.startsWith), `text starts: ${text.slice(0, 30)}`).toBe(true);

    expect(item.leadUnits).toEqual(row.lead);
    expect(item.coUnits).toEqual(row.co);
    expect(item.leaders).toEqual(row.leaders);

    if (row.targets === 'none') {
      expect(item.targets).toEqual([]);
    } else if (row.targets) {
      const got = item.targets.map((t) => canonical(t.value, t.unit));
      expect(got).toEqual(
        expect.arrayContaining(
          row.targets.map(targetSpec).map((want) =>
            expect.objectContaining({ unit: want.unit, value: expect.closeTo(want.value, 6) }),
          ),
        ),
      );
    }

    expect(item.deadline).toBe(row.deadline);
  });
});
