// Golden expectations for 吴政发〔2024〕1号 (seeds/wuzhong-2024-tasks.txt and its OCR copy), derived
// by reading the documents against /work/import-conventions.md — never from parser output.

export const HEADER = {
  issuer: '苏州市吴中区人民政府',
  docNumber: '吴政发〔2024〕1号',
  year: 2024,
  title: '苏州市吴中区政府2024年主要工作任务分解方案',
} as const;

export const INDICATOR_BLOCK = '经济社会发展主要预期目标';
export const TASK_BLOCK = '工作任务分解';

/** Chapters (一)…(五) and the unnumbered closing chapter, as printed in the .txt. */
export const CH = {
  c1: '实施产业跃升行动，打造开放发展集聚区',
  c2: '实施科技赋能行动，打造创新发展示范区',
  c3: '实施生态攻坚行动，打造绿色发展先行区',
  c4: '实施城乡融合行动，打造协调发展示范区',
  c5: '实施民生改善行动，打造共享发展幸福区',
  c6: '全面建设人民满意政府',
} as const;

/** Groups (the 名称 column), keyed by the group's printed number. */
export const G = {
  1: '打造优势产业集群',
  2: '建设一流营商环境',
  3: '全面激发消费潜能',
  4: '提升创新发展硬实力',
  5: '激发创新主体源动力',
  6: '增强创新平台影响力',
  7: '持续推进新一轮太湖综合治理',
  8: '深入打好污染防治攻坚战',
  9: '拓宽“两山”转化路径',
  10: '以全域视野完善规划建设',
  11: '以绣花功夫抓好城市管理',
  12: '以融合理念深化乡村振兴',
  13: '全力增进民生福祉',
  14: '全心织密社会保障',
  15: '全面筑牢安全底线',
  16: '始终把政治建设摆在首位',
  17: '始终把躬身为民落到实处',
  18: '始终把依法行政扛在肩上',
  19: '始终把清正廉洁融入本色',
} as const;

/** Chapter of every task number; chapter boundaries are unambiguous in both copies. */
export const CHAPTER_RANGES: ReadonlyArray<[from: number, to: number, chapter: string]> = [
  [1, 13, CH.c1],
  [14, 25, CH.c2],
  [26, 40, CH.c3],
  [41, 60, CH.c4],
  [61, 80, CH.c5],
  [81, 88, CH.c6],
];

/**
 * Group of every task in the .txt. Where a group row with EMPTY cells sits at the foot of a page
 * (txt lines 62 and 71) the text extraction put the tasks of that page into the previous group's
 * row, and the OCR copy draws the boundary elsewhere — so (16)-(18), (33)-(34) and (37) accept
 * either neighbouring group (structurally the .txt says the first one).
 */
export const TXT_GROUP_RANGES: ReadonlyArray<[from: number, to: number, groups: string[]]> = [
  [1, 4, [G[1]]],
  [5, 9, [G[2]]],
  [10, 13, [G[3]]],
  [14, 15, [G[4]]],
  [16, 18, [G[4], G[5]]],
  [19, 21, [G[5]]],
  [22, 25, [G[6]]],
  [26, 32, [G[7]]],
  [33, 34, [G[7], G[8]]],
  [35, 36, [G[8]]],
  [37, 37, [G[8], G[9]]],
  [38, 40, [G[9]]],
  [41, 50, [G[10]]],
  [51, 53, [G[11]]],
  [54, 60, [G[12]]],
  [61, 66, [G[13]]],
  [67, 70, [G[14]]],
  [71, 80, [G[15]]],
  [81, 82, [G[16]]],
  [83, 84, [G[17]]],
  [85, 86, [G[18]]],
  [87, 88, [G[19]]],
];

/** Only (2) 上半年/九月底前/全年 and (3) 全年 contain time words; every other item has none. */
export const DEADLINES: Readonly<Record<string, string>> = { '2': '2024-06-30', '3': '2024-12-31' };

// ---------------------------------------------------------------------------------------------
// Items checked in detail in the clean .txt

export interface ItemExpectation {
  /** Why this item was picked (shown in the test name). */
  why: string;
  kind: 'indicator' | 'task';
  number: string;
  /** Exact last path element; several = either is accepted (see TXT_GROUP_RANGES). */
  pathLast: string | readonly string[];
  /** For tasks: the chapter the path must contain (path = [工作任务分解, chapter, group]). */
  chapter?: string;
  /** Distinctive phrase of the text, whitespace-free. */
  phrase: string;
  leadUnits: string[];
  coUnits: string[];
  /** [value, unit] that must all be present; 'none' = targets must be []; omitted = not checked. */
  targets?: ReadonlyArray<[number, string]> | 'none';
  deadline: string | null;
}

const ind = (
  number: string,
  why: string,
  phrase: string,
  leadUnits: string[],
  coUnits: string[],
): ItemExpectation => ({
  why,
  kind: 'indicator',
  number,
  pathLast: INDICATOR_BLOCK,
  phrase,
  leadUnits,
  coUnits,
  targets: 'none',
  deadline: null,
});

type TaskFields = Omit<ItemExpectation, 'kind' | 'number' | 'deadline'> & { deadline?: string | null };
const task = (number: number, f: TaskFields): ItemExpectation => ({
  kind: 'task',
  number: String(number),
  deadline: null,
  ...f,
});

/** All eight indicator rows (txt lines 40-47): percentages only, so no targets, no deadlines. */
export const INDICATORS: ItemExpectation[] = [
  ind('1', 'single ★', '地区生产总值增长5%以上', ['发改委'], []),
  ind('2', '★ + co-unit', '一般公共预算收入同口径增长4%以上', ['财政局'], ['税务局']),
  ind('3', 'decimal percent', '规上工业产值增长3.5%', ['工信局'], []),
  ind('4', 'same lead as 1', '全社会固定资产投资增长5%', ['发改委'], []),
  ind('5', 'percent only', '工业投资增长10%', ['工信局'], []),
  ind('6', 'no number at all', '进出口总额量稳质升', ['商务局'], []),
  ind('7', 'same lead as 6', '社会消费品零售总额增长6%', ['商务局'], []),
  ind('8', 'space inside the unit cell', '城乡居民人均可支配收入与经济增长基本同步', ['发改委'], ['人社局', '农业农村局']),
];

export const TASKS: ItemExpectation[] = [
  // (一) 实施产业跃升行动 — txt lines 51-59
  task(1, {
    why: 'first task; four 亿元 targets and 家',
    pathLast: G[1], chapter: CH.c1,
    phrase: '坚定不移走新型工业化道路',
    leadUnits: ['工信局'], coUnits: ['发改委', '科技局', '文体旅游局', '市场监管局'],
    targets: [[1500, '亿元'], [1000, '亿元'], [440, '亿元'], [500, '亿元'], [4, '家'], [10, '家']],
  }),
  task(2, {
    why: 'three time words, earliest 上半年',
    pathLast: G[1], chapter: CH.c1,
    phrase: '九月底前全部开工',
    leadUnits: ['发改委'], coUnits: ['工信局', '行政审批局'],
    targets: [[9, '个'], [230, '亿元'], [77, '个'], [1078, '亿元'], [257, '个'], [2005, '亿元'],
      [37, '个'], [154, '个'], [214, '个'], [100, '个']],
    deadline: '2024-06-30',
  }),
  task(3, {
    why: '全年 deadline',
    pathLast: G[1], chapter: CH.c1,
    phrase: '新签约亿元以上项目超270个',
    leadUnits: ['商务局'], coUnits: ['金管局', '投促中心', '科招中心'],
    targets: [[270, '个'], [50, '个'], [5, '个'], [700, '亿元']],
    deadline: '2024-12-31',
  }),
  task(4, {
    why: 'last of group 1; two ★ leads',
    pathLast: G[1], chapter: CH.c1,
    phrase: '改造提升老旧工业区1050亩',
    leadUnits: ['工信局', '农业农村局'], coUnits: ['资规分局'],
    targets: [[1050, '亩'], [1000, '亩']],
  }),
  task(5, {
    why: 'first of group 2, after a page break',
    pathLast: G[2], chapter: CH.c1,
    phrase: '建立三级企业服务中心和企检服务中心',
    leadUnits: ['发改委'], coUnits: ['科技局', '工信局', '商务局'],
  }),
  task(7, {
    why: 'five units, no quantity',
    pathLast: G[2], chapter: CH.c1,
    phrase: '强化包容审慎监管',
    leadUnits: ['司法局'], coUnits: ['交通运输局', '市场监管局', '税务局', '生态环境局'],
    targets: 'none',
  }),
  task(9, {
    why: 'last of group 2',
    pathLast: G[2], chapter: CH.c1,
    phrase: '“数据得地”',
    leadUnits: ['工信局'], coUnits: ['资规分局'],
    targets: [[2000, '亩'], [129, '个']],
  }),
  task(10, {
    why: 'first of group 3; lone ★ unit',
    pathLast: G[3], chapter: CH.c1,
    phrase: '社会消费品零售总额突破1000亿元',
    leadUnits: ['商务局'], coUnits: [],
    targets: [[1000, '亿元']],
  }),
  task(12, {
    why: 'group 3 continued across a page break',
    pathLast: G[3], chapter: CH.c1,
    phrase: '实现全区跨境电商进出口总额翻番',
    leadUnits: ['商务局'], coUnits: ['经开区'],
    targets: 'none',
  }),
  task(13, {
    why: 'last of group 3 and of chapter (一)',
    pathLast: G[3], chapter: CH.c1,
    phrase: '推动房地产市场平稳健康发展',
    leadUnits: ['住建局'], coUnits: ['税务局', '资规分局'],
    targets: 'none',
  }),
  // (二) 实施科技赋能行动 — txt lines 60-66
  task(14, {
    why: 'first of chapter (二); 件',
    pathLast: G[4], chapter: CH.c2,
    phrase: '高新技术产业产值超1800亿元',
    leadUnits: ['科技局'], coUnits: ['市场监管局'],
    targets: [[68, '亿元'], [1800, '亿元'], [140, '亿元'], [80, '个'], [125, '件']],
  }),
  task(15, {
    why: 'percent only',
    pathLast: G[4], chapter: CH.c2,
    phrase: '数字经济核心产业增加值占GDP比重超17%',
    leadUnits: ['发改委'], coUnits: ['金管局'],
    targets: 'none',
  }),
  task(16, {
    why: 'units separated by ， (not 、); 5G工厂2家',
    pathLast: [G[4], G[5]], chapter: CH.c2,
    phrase: '吴中人工智能智算中心落地',
    leadUnits: ['工信局'], coUnits: ['太湖新城'],
    targets: [[20, '个'], [2, '家'], [50, '个'], [1000, '个']],
  }),
  task(18, {
    why: 'before the empty group-5 row at the page foot',
    pathLast: [G[4], G[5]], chapter: CH.c2,
    phrase: '新增市级总部企业7家',
    leadUnits: ['发改委'], coUnits: ['商务局'],
    targets: [[7, '家']],
  }),
  task(19, {
    why: 'group 5 continued across a page break',
    pathLast: G[5], chapter: CH.c2,
    phrase: '新增报会企业4家',
    leadUnits: ['金管局'], coUnits: [],
    targets: [[4, '家']],
  }),
  task(20, {
    why: 'placeholder co-unit 各国资公司',
    pathLast: G[5], chapter: CH.c2,
    phrase: '推动全区国有企业净资产达800亿元',
    leadUnits: ['国资办'], coUnits: ['各国资公司'],
    targets: [[800, '亿元']],
  }),
  task(21, {
    why: 'last of group 5; inner space removed',
    pathLast: G[5], chapter: CH.c2,
    phrase: '“赢在苏州创赢未来”全球科技创业大赛',
    leadUnits: ['科技局'], coUnits: ['人才办', '工信局', '科招中心'],
    targets: [[400, '个'], [100, '个']],
  }),
  task(24, {
    why: '万平方米',
    pathLast: G[6], chapter: CH.c2,
    phrase: '新增科创载体50万平方米',
    leadUnits: ['科技局'], coUnits: [],
    targets: [[5, '家'], [50, '个'], [50, '万平方米']],
  }),
  task(25, {
    why: 'last of group 6 and chapter (二); two ★ leads',
    pathLast: G[6], chapter: CH.c2,
    phrase: '新增创新创业基金15亿元',
    leadUnits: ['金管局', '科技局'], coUnits: ['金控集团'],
    targets: [[15, '亿元']],
  }),
  // (三) 实施生态攻坚行动 — txt lines 69-75 (numbering marker in its own cell)
  task(26, {
    why: 'first of chapter (三) whose marker sits in the 序号 cell',
    pathLast: G[7], chapter: CH.c3,
    phrase: '“国之大者”干在实处',
    leadUnits: ['生态环境局'], coUnits: ['工信局', '水务局', '农业农村局'],
  }),
  task(28, {
    why: 'seven co-units incl. towns (用直镇 as printed); 处 亩 公里',
    pathLast: G[7], chapter: CH.c3,
    phrase: '新建堤防9.1公里',
    leadUnits: ['水务局'], coUnits: ['城投集团', '用直镇', '东山镇', '临湖镇', '光福镇', '金庭镇', '横泾街道'],
    targets: [[66, '处'], [8073, '亩'], [9.1, '公里']],
  }),
  task(29, {
    why: 'two ★ leads, no co-unit',
    pathLast: G[7], chapter: CH.c3,
    phrase: '城乡有机废弃物利用示范区建设',
    leadUnits: ['发改委', '生态环境局'], coUnits: [],
    targets: 'none',
  }),
  task(32, {
    why: 'no quantity',
    pathLast: G[7], chapter: CH.c3,
    phrase: '着力解决好群众反映强烈的突出环境问题',
    leadUnits: ['污染防治办'], coUnits: ['生态环境局'],
    targets: 'none',
  }),
  task(34, {
    why: 'placeholder co-unit 各镇（街道）',
    pathLast: [G[7], G[8]], chapter: CH.c3,
    phrase: '实施城南污水厂配套泵站改造',
    leadUnits: ['水务局'], coUnits: ['城投集团', '各镇（街道）'],
    targets: [[26, '个'], [114, '个']],
  }),
  task(35, {
    why: 'group 8 continued across a page break',
    pathLast: G[8], chapter: CH.c3,
    phrase: '实现澄湖湖心省考断面水质达Ⅲ',
    leadUnits: ['生态环境局'], coUnits: ['水务局', '农业农村局', '农发集团', '用直镇'],
  }),
  task(38, {
    why: 'first of group 9 (name with “ ” quotes)',
    pathLast: G[9], chapter: CH.c3,
    phrase: '推广绿电绿证',
    leadUnits: ['工信局'], coUnits: ['发改委', '度假区'],
  }),
  task(40, {
    why: 'last of group 9 and chapter (三)',
    pathLast: G[9], chapter: CH.c3,
    phrase: '努力打造长三角地区休闲度假首选地',
    leadUnits: ['文体旅局'], coUnits: ['农业农村局', '度假区'],
  }),
  // (四) 实施城乡融合行动 — txt lines 78-84
  task(41, {
    why: 'first of chapter (四); "★ 资规分局" with a space',
    pathLast: G[10], chapter: CH.c4,
    phrase: '完成77个实用性村庄规划编制',
    leadUnits: ['资规分局'], coUnits: [],
    targets: [[77, '个']],
  }),
  task(44, {
    why: 'long text with ；',
    pathLast: G[10], chapter: CH.c4,
    phrase: '争创“四好农村路”全国示范区',
    leadUnits: ['交管局'], coUnits: ['城管局', '交警大队'],
  }),
  task(45, {
    why: 'decimal 公里',
    pathLast: G[10], chapter: CH.c4,
    phrase: '建成先导段堤防1.5公里',
    leadUnits: ['水务局'], coUnits: [],
    targets: [[1.5, '公里'], [12.3, '公里']],
  }),
  task(48, {
    why: '条 and 个',
    pathLast: G[10], chapter: CH.c4,
    phrase: '整治支路街巷架空线25条',
    leadUnits: ['城管局'], coUnits: [],
    targets: [[25, '条'], [2, '个']],
  }),
  task(50, {
    why: 'last of group 10 (tenth unit cell)',
    pathLast: G[10], chapter: CH.c4,
    phrase: '新辟、优化公交线路10条',
    leadUnits: ['交管局'], coUnits: [],
    targets: [[10, '条']],
  }),
  task(51, {
    why: 'group 11 continued after a page break whose header says 主要负责单位',
    pathLast: G[11], chapter: CH.c4,
    phrase: '新增下沉式非机动车停车模块5处',
    leadUnits: ['城管局'], coUnits: [],
    targets: [[5, '处'], [19, '处'], [1500, '个']],
  }),
  task(52, {
    why: 'lead then co-unit; 条',
    pathLast: G[11], chapter: CH.c4,
    phrase: '优化吴中大道、东山大道等22条重点路段交通组织',
    leadUnits: ['交警大队'], coUnits: ['交运局'],
    targets: [[22, '条']],
  }),
  task(54, {
    why: 'first of group 12; six units',
    pathLast: G[12], chapter: CH.c4,
    phrase: '实施农业园区转型升级项目18个',
    leadUnits: ['农业农村局'], coUnits: ['文体旅游局', '生态环境分局', '东山镇', '金庭镇', '农发集团'],
    targets: [[9, '个'], [80, '个'], [18, '个']],
  }),
  task(58, {
    why: '万元',
    pathLast: G[12], chapter: CH.c4,
    phrase: '村均集体总收入达1840万元',
    leadUnits: ['农业农村局'], coUnits: [],
    targets: [[520, '亿元'], [207, '亿元'], [1840, '万元']],
  }),
  task(59, {
    why: '3300余户',
    pathLast: G[12], chapter: CH.c4,
    phrase: '天然气进村入户',
    leadUnits: ['住建局'], coUnits: [],
    targets: [[50, '个'], [3300, '户']],
  }),
  task(60, {
    why: 'last of group 12; half-width () → full-width',
    pathLast: G[12], chapter: CH.c4,
    phrase: '全面遏制违规建房新增问题',
    leadUnits: ['住建局（农房办）'], coUnits: ['各镇（街道）'],
    targets: 'none',
  }),
  // (五) 实施民生改善行动 — txt lines 87-104: one task per line, group label in the middle row
  task(61, {
    why: 'first of group 13, row BEFORE the row carrying the group label',
    pathLast: G[13], chapter: CH.c5,
    phrase: '新增学位11000个',
    leadUnits: ['教育局'], coUnits: [],
    targets: [[5, '所'], [11000, '个'], [3, '所'], [40, '个'], [6, '所']],
  }),
  task(64, {
    why: 'row carrying the group-13 label; 1万名; placeholder co-unit',
    pathLast: G[13], chapter: CH.c5,
    phrase: '“心肺联筛”健康风险评估',
    leadUnits: ['卫健委'], coUnits: ['各相关单位'],
    targets: [[3, '个'], [1, '万名']],
  }),
  task(66, {
    why: 'last of group 13 (unlabelled row before the group-14 label)',
    pathLast: G[13], chapter: CH.c5,
    phrase: '依托新四军太湖游击队纪念馆等红色资源',
    leadUnits: ['光福镇'], coUnits: ['文体旅游局'],
  }),
  task(67, {
    why: 'first of group 14; 万人次 and 万人',
    pathLast: G[14], chapter: CH.c5,
    phrase: '开展职业技能培训1.8万人次',
    leadUnits: ['人社局'], coUnits: ['团委'],
    targets: [[1.8, '万人次'], [1.7, '万人']],
  }),
  task(68, {
    why: 'group 14 continued after a page break; group name wrapped in <p>',
    pathLast: G[14], chapter: CH.c5,
    phrase: '新增企业养老保险参保8000人',
    leadUnits: ['人社局'], coUnits: ['公积金分中心'],
    targets: [[8000, '人'], [4, '万人']],
  }),
  task(69, {
    why: '户 and 个',
    pathLast: G[14], chapter: CH.c5,
    phrase: '完成家庭适老化改造超1000户',
    leadUnits: ['民政局'], coUnits: ['团委', '妇联', '胥口镇', '横泾街道'],
    targets: [[1000, '户'], [150, '个']],
  }),
  task(70, {
    why: 'last of group 14',
    pathLast: G[14], chapter: CH.c5,
    phrase: '营造全民向上向善的慈善氛围',
    leadUnits: ['民政局'], coUnits: [],
    targets: 'none',
  }),
  task(71, {
    why: 'first of group 15',
    pathLast: G[15], chapter: CH.c5,
    phrase: '开展安全生产治本攻坚三年行动',
    leadUnits: ['安委办'], coUnits: ['吴中消防救援大队', '度假区消防救援大队'],
  }),
  task(76, {
    why: 'half-width () in a lead unit',
    pathLast: G[15], chapter: CH.c5,
    phrase: '严密防范金融风险',
    leadUnits: ['财政局（国资办）'], coUnits: ['金管局'],
    targets: 'none',
  }),
  task(77, {
    why: 'group 15 continued after a page break',
    pathLast: G[15], chapter: CH.c5,
    phrase: '开展法律援助惠民工程',
    leadUnits: ['司法局'], coUnits: [],
    targets: 'none',
  }),
  task(80, {
    why: 'last of group 15; six ★ leads',
    pathLast: G[15], chapter: CH.c5,
    phrase: '南北挂钩、对口帮扶、能源保供等工作',
    leadUnits: ['发改委', '水务局', '应急管理局', '市场监管局', '资规分局', '气象局'], coUnits: [],
  }),
  // 全面建设人民满意政府 — unnumbered closing chapter, txt lines 105-113
  task(81, {
    why: 'first of the unnumbered chapter; no ★ → first unit leads',
    pathLast: G[16], chapter: CH.c6,
    phrase: '坚定捍卫“两个确立”',
    leadUnits: ['各相关单位'], coUnits: [],
    targets: 'none',
  }),
  task(82, {
    why: 'unlabelled row under group 16',
    pathLast: G[16], chapter: CH.c6,
    phrase: '严格执行“1+7”工作清单制度',
    leadUnits: ['各相关单位'], coUnits: [],
  }),
  task(83, {
    why: '★ before a space, units separated by ，',
    pathLast: G[17], chapter: CH.c6,
    phrase: '民生实事项目办实办好',
    leadUnits: ['发改委'], coUnits: ['各相关单位'],
    targets: 'none',
  }),
  task(84, {
    why: 'last of group 17',
    pathLast: G[17], chapter: CH.c6,
    phrase: '政协委员提案办成率',
    leadUnits: ['各相关单位'], coUnits: [],
    targets: 'none',
  }),
  task(85, {
    why: 'lead, then ， separated co-units',
    pathLast: G[18], chapter: CH.c6,
    phrase: '常态化开展政府常务会议学法',
    leadUnits: ['政府办'], coUnits: ['司法局', '各相关单位'],
  }),
  task(86, {
    why: 'unit cell without ★',
    pathLast: G[18], chapter: CH.c6,
    phrase: '让行政权力运行在阳光下',
    leadUnits: ['各相关单位'], coUnits: [],
    targets: 'none',
  }),
  task(87, {
    why: 'first of group 19, unit cell without ★',
    pathLast: G[19], chapter: CH.c6,
    phrase: '推进作风建设常态化长效化',
    leadUnits: ['各相关单位'], coUnits: [],
    targets: 'none',
  }),
  task(88, {
    why: 'last task of the plan',
    pathLast: G[19], chapter: CH.c6,
    phrase: '换取群众的“好日子”',
    leadUnits: ['财政局'], coUnits: ['审计局', '机关事务管理中心', '各相关单位'],
    targets: 'none',
  }),
];

export const TXT_ITEMS: ItemExpectation[] = [...INDICATORS, ...TASKS];
