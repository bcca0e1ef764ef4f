// Golden test: 苏州市吴中区人民政府 吴政发〔2023〕2号, read by hand from seeds/wuzhong-2023-tasks.txt and
// written down per /work/import-conventions.md. Expectations come from the document, never from
// the parser's output. Where the document is ambiguous the accepted readings are listed inline.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedItem, ParsedPlan } from '../../shared/schemas/import';
import { findItem, lazyParse, norm, oneOf, target, type Quantity } from './support';

const parse = lazyParse('wuzhong-2023-tasks.txt', 'seeds');

interface Row {
  n: string;
  /** Second path element (tasks only): the section under 工作任务分解. */
  section?: string;
  /** Last path element; several = the document is ambiguous, any is accepted. */
  group: string | readonly string[];
  starts?: string;
  has: string;
  lead: readonly unknown[];
  co: readonly unknown[];
  areas: readonly string[];
  leaders: readonly unknown[];
  /** undefined = not checked (slogan numerals like “八个一”, 一批, 三公里 make the list debatable). */
  targets?: readonly Quantity[];
  deadline: string | null;
  line: number;
}

const INDICATORS = '经济社会发展主要预期目标';
const TASKS = '工作任务分解';
const TRIPLE = '打好三场硬仗';
const S1 = '实施产业强区工程，打造质效双优的实力吴中';
const S2 = '实施创新引领工程，打造充满生机的活力吴中';
const S3 = '实施城乡焕新工程，打造融合并进的精致吴中';
const S4 = '实施生态固本工程，打造美丽宜居的绿色吴中';
const S5 = '实施数字经济工程，打造多元包容的魅力吴中';
const S6 = '实施民生改善工程，打造普惠均衡的幸福吴中';
const S7 = '全面建设人民满意政府';
const ZONES = ['度假区', '经开区', '高新区'];
// Rows (2)–(4) are printed after a page break on a row labelled “2 更实举措 加快建设项目建设” that is
// repeated again at (5); by content they belong to 更大力度打造产业集群. Either reading is accepted.
const G1_OR_G2 = ['更大力度打造产业集群', '更实举措加快建设项目建设'];
// “张伟 烨” (rows (7), (8)): the second leader is printed truncated; as printed 烨, or 李烨 if recovered.
const YE = oneOf('烨', '李烨');

const indicatorRows: Row[] = [
  { n: '1', group: INDICATORS, has: '地区生产总值增长6%左右', lead: ['发改委'], co: [], areas: [], leaders: ['张华谦'], targets: [], deadline: null, line: 29 },
  { n: '2', group: INDICATORS, has: '一般公共预算收入增长6%以上', lead: ['财政局'], co: ['税务局'], areas: [], leaders: ['张华谦'], targets: [], deadline: null, line: 30 },
  { n: '3', group: INDICATORS, has: '规上工业产值增长10%以上', lead: ['工信局'], co: [], areas: [], leaders: ['张伟'], targets: [], deadline: null, line: 31 },
  { n: '5', group: INDICATORS, has: '高新技术企业超1400家、招引创新型企业超1400家', lead: ['科技局'], co: [], areas: [], leaders: ['张伟'],
    targets: [[1400, '亿元'], [1400, '家']], deadline: null, line: 33 },
  { n: '7', group: INDICATORS, has: '招引优质产业项目备案投资额突破600亿元', lead: ['商务局'], co: [], areas: [], leaders: ['李烨'],
    targets: [[600, '亿元']], deadline: null, line: 35 },
  { n: '9', group: INDICATORS, has: '新增注册外资10亿美元、实际使用外资5亿美元', lead: ['商务局'], co: [], areas: [], leaders: ['李烨'], deadline: null, line: 37 },
  { n: '11', group: INDICATORS, has: '居民人均可支配收入增幅与经济增长基本同步', lead: ['发改委'], co: ['人社局', '农业农村局'], areas: [], leaders: ['张华谦'],
    targets: [], deadline: null, line: 39 },
];

const taskRows: Row[] = [
  // ── 打好三场硬仗 (1)–(8) ──
  { n: '1', section: TRIPLE, group: '打好区域协同总体仗', starts: '高站位服务构建市内全域一体化发展格局', has: '扎实做好规划、产业、交通“无缝衔接”',
    // no ★ in the cell: the first unit leads; 板块 `_____`; 分管区领导 empty
    lead: ['资规分局'], co: ['发改委', '工信局', '科技局', '交运局'], areas: [], leaders: [], targets: [], deadline: null, line: 44 },
  { n: '2', section: TRIPLE, group: '打好区域协同总体仗', starts: '高水平建设吴中太湖新城·数字经济创新港', has: '太湖科学城联动区',
    lead: [], co: [], areas: ZONES, leaders: [], targets: [], deadline: null, line: 45 },
  { n: '3', section: TRIPLE, group: '打好区域协同总体仗', starts: '加快实现基础设施“四方缝合”', has: '加快融入区域协同发展大局',
    lead: ['交运局'], co: ['资规分局'], areas: [], leaders: ['周学斌'], targets: [], deadline: null, line: 46 },
  { n: '4', section: TRIPLE, group: '打好能级提升持久仗', starts: '坚定“产业强区、创新引领”战略', has: '三年后实现3500亿元产业规模',
    lead: ['工信局'], co: ['科技局'], areas: ZONES, leaders: ['张伟'], targets: [[3500, '亿元']], deadline: null, line: 47 },
  { n: '5', section: TRIPLE, group: '打好能级提升持久仗', starts: '深度融入长三角科技创新共同体', has: '夯实吴中经济的“产业底盤”',
    lead: ['科技局'], co: [], areas: ZONES, leaders: ['张伟'], targets: [], deadline: null, line: 48 },
  { n: '6', section: TRIPLE, group: '打好污染防治攻坚战', starts: '狠抓中央和省环保督察问题整改', has: '西山国家森林公园违建等问题整改',
    // three ★ leads; leaders “周学斌 李 烨” = two people
    lead: ['污防攻坚办', '水务局', '资规分局'], co: [], areas: [], leaders: ['周学斌', '李烨'], targets: [], deadline: null, line: 51 },
  { n: '7', section: TRIPLE, group: '打好污染防治攻坚战', starts: '统筹推进太湖生态保护和绿色发展', has: '“一湖一策”“一岛一案”“一山一策”',
    lead: ['生态环境局'], co: ['农业农村局', '资规分局', '文体旅局', '水务局', '生态岛办'], areas: [], leaders: ['周学斌', '李烨'], deadline: null, line: 52 },
  { n: '8', section: TRIPLE, group: '打好污染防治攻坚战', starts: '实施中心城区水环境优化提升行动', has: '基本完成供水、污水厂管网一体化改革',
    lead: ['水务局'], co: ['城投集团', '金控集团'], areas: [...ZONES, '各镇', '长桥街道', '城南街道'], leaders: ['周学斌'], targets: [], deadline: null, line: 53 },

  // ── (一) 产业强区 ──
  { n: '1', section: S1, group: '更大力度打造产业集群', starts: '做大主导产业', has: '确保生物医药及大健康产业规模超380亿元',
    lead: ['工信局'], co: ['科技局'], areas: ZONES, leaders: ['张伟'], targets: [[1300, '亿元'], [750, '亿元'], [380, '亿元']], deadline: null, line: 55 },
  { n: '2', section: S1, group: G1_OR_G2, starts: '做优战略性新兴产业', has: '孵化一批低碳环保领军企业',
    lead: ['工信局', '生态环境局'], co: [], areas: ZONES, leaders: ['张伟', '李烨'], deadline: null, line: 58 },
  { n: '4', section: S1, group: G1_OR_G2, starts: '加快推动环太湖旅游资源一体化', has: '确保旅游人次超2223万人、旅游业总收入超343亿元',
    lead: ['文体旅局'], co: ['文旅集团'], areas: ['度假区', '各镇（街道）'], leaders: ['朱筱菁'], targets: [[2223, '万人'], [343, '亿元']], deadline: null, line: 60 },
  { n: '5', section: S1, group: '更实举措加快建设项目建设', starts: '开展“重点项目提效年”活动', has: '全年竣工投产超亿元产业项目超100个',
    lead: ['发改委'], co: ['行政审批局', '法规分局', '生态环境局', '商务局', '工信局', '科技局'], areas: ZONES, leaders: ['张华谦', '李烨'],
    targets: [[54, '个'], [1000, '亿元'], [31, '个'], [260, '个'], [2200, '亿元'], [136, '个'], [100, '个']],
    // 上半年 (06-30), 三季度 (09-30), 全年 (12-31): the earliest wins
    deadline: '2023-06-30', line: 61 },
  { n: '7', section: S1, group: '更实举措加快建设项目建设', starts: '招引10亿元以上项目25个', has: '在百亿级大项目上有所突破',
    // “10 亿元以上” is a class of project, not a target; the counts are
    lead: ['商务局', '科技局'], co: ['工信局', '投促中心', '科招中心'], areas: ZONES, leaders: ['张伟', YE],
    targets: [[25, '个'], [10, '个'], [2, '个']], deadline: null, line: 65 },
  { n: '9', section: S1, group: '更实举措加快建设项目建设', starts: '推动太湖新城打造标识性城市高端功能区', has: '开工建设6栋、形成21栋百米以上的商务楼宇群',
    lead: ['住建局'], co: ['商务局', '科技局'], areas: ['太湖新城'], leaders: ['周学斌'], targets: [[6, '栋'], [21, '栋']], deadline: null, line: 67 },
  { n: '10', section: S1, group: '更强手段保障生产要素', starts: '持续深化政银企对接互动', has: '新增上市企业4家',
    lead: ['金管局'], co: [], areas: [], leaders: ['张华谦'], targets: [[4, '家']], deadline: null, line: 68 },
  { n: '11', section: S1, group: '更强手段保障生产要素', starts: '持续优化审批流程', has: '打响“吴优办”营商品牌',
    lead: ['编办'], co: ['行政审批局'], areas: [], leaders: ['张华谦', '李烨'], deadline: null, line: 69 },
  { n: '12', section: S1, group: '更强手段保障生产要素', starts: '持续开展拆迁清零和产业用地更新三年行动', has: '盘活存量建设用地3500亩',
    lead: ['住建局'], co: ['工信局', '资规分局', '污染防治攻坚办'], areas: [], leaders: ['周学斌'],
    targets: [[12000, '亩'], [5400, '亩'], [3500, '亩']], deadline: null, line: 70 },
  { n: '13', section: S1, group: '更强手段保障生产要素', starts: '扎实提高国资国企市场化', has: '以“两利四率”为考核重点',
    lead: ['财政局（国资办）'], co: ['各国资公司'], areas: [...ZONES, '各镇'], leaders: ['张华谦', '朱筱菁'], deadline: null, line: 71 },

  // ── (二) 创新引领 ──
  { n: '15', section: S2, group: '坚持创新第一动力', starts: '创建惠氏制药等“灯塔工厂”2家', has: '省市“瞪羚”和“独角兽”培育企业100家',
    lead: ['科技局', '工信局'], co: [], areas: ZONES, leaders: ['张伟'],
    targets: [[2, '家'], [1000, '个'], [25, '个'], [100, '家']], deadline: null, line: 76 },
  { n: '17', section: S2, group: '坚持创新第一动力', starts: '加强知识产权保护运用', has: '万人发明专利拥有量达90件',
    lead: ['市场监管局'], co: [], areas: ZONES, leaders: ['李烨'], targets: [[90, '件']], deadline: null, line: 78 },
  { n: '19', section: S2, group: '坚持人才第一资源', starts: '大力实施“十百千”东吴科技领军人才倍增计划', has: '新增市级以上科技领军人才70人',
    lead: ['人才办'], co: ['科技局', '工信局'], areas: ZONES, leaders: ['张伟'], targets: [[70, '人']], deadline: null, line: 80 },
  { n: '21', section: S2, group: '坚持人才第一资源', starts: '继续深化职业技能提升行动', has: '新增高技能人才6000人',
    lead: ['人社局'], co: [], areas: [], leaders: ['朱筱菁'], targets: [[6000, '人']], deadline: null, line: 82 },
  { n: '24', section: S2, group: '坚持平台第一引擎', starts: '充分发挥“科技镇长团”作用', has: '技术合同成交额超60亿元',
    lead: ['科技局'], co: ['科技镇长团'], areas: [], leaders: ['张伟'], targets: [[5, '家'], [10, '个'], [60, '亿元']], deadline: null, line: 87 },

  // ── (三) 城乡焕新 ──
  { n: '25', section: S3, group: '提升内外交通通达度', starts: '落实《吴中区综合立体交通网规划》', has: '进一步提升区内道路的通达性',
    lead: ['交运局'], co: ['住建局', '资规分局'], areas: [], leaders: ['周学斌'], deadline: null, line: 89 },
  { n: '27', section: S3, group: '提升内外交通通达度', starts: '新辟、优化公交线路12条', has: '建设“B+R”停车示范点3个',
    lead: ['交运局'], co: ['城投集团'], areas: [], leaders: ['周学斌'], targets: [[12, '条'], [3, '个']], deadline: null, line: 93 },
  { n: '28', section: S3, group: '提升内外交通通达度', starts: '完成15个拥堵交叉口优化及安防改造', has: '创建国家级“四好农村路”示范区',
    lead: ['交运局'], co: ['吴中交警大队', '度假区交警大队'], areas: [], leaders: ['周学斌'], targets: [[15, '个'], [8, '条']], deadline: null, line: 94 },
  { n: '29', section: S3, group: '提升城市管理精细度', starts: '强化规划引领', has: '积极推进国土空间规划编制',
    lead: ['资规分局'], co: [], areas: [], leaders: ['张华谦', '周学斌'], targets: [], deadline: null, line: 95 },
  { n: '32', section: S3, group: '提升城市管理精细度', starts: '有序推进城市更新', has: '新增城市绿地30万平方米',
    lead: ['住建局', '城管局'], co: [], areas: [], leaders: ['周学斌'], targets: [[7, '个'], [5, '个'], [30, '万平方米']], deadline: null, line: 98 },
  { n: '33', section: S3, group: '提升城市管理精细度', starts: '以文明典范城市创建为引领', has: '完成15家农贸市场、10处背街小巷提升改造',
    lead: ['文明办', '城管局', '市场监管局'], co: [], areas: [], leaders: ['周学斌'],
    targets: [[45, '万平方米'], [15, '家'], [10, '处']], deadline: null, line: 99 },
  { n: '35', section: S3, group: '提升乡村振兴美誉度', starts: '全面提升农业园区发展质量', has: '新增高标准农田5800亩',
    lead: ['农业农村局'], co: ['资规分局', '农发集团'], areas: [], leaders: ['周学斌'], targets: [[32, '个'], [5800, '亩']], deadline: null, line: 103 },
  { n: '38', section: S3, group: '提升乡村振兴美誉度', starts: '实施26个自然村1968户天然气进村入户项目', has: '天然气进村入户项目',
    lead: ['住建局'], co: [],
    areas: ['木渎镇', '甪直镇', '胥口镇', '东山镇', '临湖镇', '郭巷街道', '横泾街道', '越溪街道', '城南街道', '香山街道'],
    leaders: ['周学斌'], targets: [[26, '个'], [1968, '户']], deadline: null, line: 106 },
  { n: '40', section: S3, group: '提升乡村振兴美誉度', starts: '加快集体经济提质增效', has: '力争村均集体经济可支配收入达1800万元',
    lead: ['农业农村局'], co: ['资规分局'], areas: [], leaders: ['周学斌'], targets: [[50, '万平方米'], [1800, '万元']], deadline: null, line: 108 },

  // ── (四) 生态固本 ──
  { n: '42', section: S4, group: '筑牢生态屏障', starts: '实施新一轮太湖治理工程', has: '构建更为和谐统一的太湖生态系统',
    // leaders “李 烨” = one person
    lead: ['生态环境局'], co: ['水务局'], areas: [], leaders: ['李烨'], targets: [], deadline: null, line: 113 },
  { n: '44', section: S4, group: '筑牢生态屏障', starts: '完成西山国家森林公园规划报批及违建整治工作', has: '违建整治工作',
    lead: ['资规分局', '污防攻坚办'], co: [], areas: ['金庭镇'], leaders: ['李烨'], targets: [], deadline: null, line: 115 },
  { n: '45', section: S4, group: '筑牢生态屏障', starts: '根据市澄湖地区“1+5”协同发展规划体系', has: '完成澄湖水域水生态修复1553亩',
    lead: ['农业农村局'], co: ['生态环境局', '水务局', '资规分局', '文体旅局', '住建局'], areas: ['甪直镇'], leaders: ['周学斌'],
    targets: [[1553, '亩']], deadline: null, line: 116 },
  { n: '47', section: S4, group: '筑牢生态屏障', starts: '高标准推进太湖生态岛建设', has: '43.7公里污水管网改造工程',
    lead: ['水务局'], co: ['生态岛办', '城投集团'], areas: ['金庭镇'], leaders: ['周学斌'],
    targets: [[6, '个'], [21, '公里'], [10, '个'], [43.7, '公里']], deadline: null, line: 118 },
  { n: '48', section: S4, group: '筑牢生态屏障', starts: '启动石公先行区水生态环境项目', has: '23条幸福河湖建设项目',
    lead: ['生态环境局', '水务局'], co: ['生态岛办'], areas: ['金庭镇'], leaders: ['周学斌', '李烨'], targets: [[23, '条']], deadline: null, line: 119 },
  { n: '52', section: S4, group: '擦亮生态底色', starts: '持续推进城乡生活污水处理提质增效精准攻坚“333”行动', has: '堤防加固7公里',
    lead: ['水务局'], co: ['城管局'], areas: [], leaders: ['周学斌'],
    targets: [[74, '条'], [32, '条'], [50, '条'], [13, '座'], [9, '座'], [7, '公里']], deadline: null, line: 125 },
  { n: '54', section: S4, group: '擦亮生态底色', starts: '狠抓空气质量提升攻坚', has: '淘汰国三及以下柴油车7000辆',
    lead: ['生态环境局'], co: ['交运局', '住建局', '商务局', '吴中公安分局', '工信局'], areas: [], leaders: ['李烨'],
    targets: [[300, '个'], [7000, '辆']], deadline: null, line: 127 },
  { n: '58', section: S4, group: '放大生态效益', starts: '实施太湖生态岛、澄湖治理EOD项目', has: 'EOD项目',
    lead: ['生态环境局', '农业农村局'], co: ['生态岛办', '水务局', '城投集团'], areas: ['金庭镇', '甪直镇'], leaders: ['周学斌', '李烨'],
    targets: [], deadline: null, line: 133 },
  { n: '61', section: S4, group: '放大生态效益', starts: '加强工业企业资源集约利用综合评价成果运用', has: '综合评价成果运用',
    lead: ['工信局'], co: ['发改委', '住建局', '水务局'], areas: [], leaders: ['张伟'], targets: [], deadline: null, line: 136 },

  // ── (五) 数字经济 (heading printed in the 工作任务 column) ──
  { n: '62', section: S5, group: '高定位发展文化产业', starts: '制定文化产业强区规划', has: '确保文化产业规上企业超120家',
    lead: ['文体旅游局'], co: [], areas: [], leaders: ['朱筱菁'], targets: [[120, '家']], deadline: null, line: 138 },
  { n: '66', section: S5, group: '高水平加快文旅融合', starts: '开展“运启江南”系列活动', has: '推动吴文化博物馆争创国家一级博物馆',
    lead: ['宣传部'], co: ['文体旅局'], areas: ['经开区'], leaders: ['朱筱菁'], deadline: null, line: 144 },
  { n: '69', section: S5, group: '高质量增加文化供给', starts: '实施“美在太湖”精品文艺孵化计划', has: '完成遂高堂、乐志堂、仁寿堂等文物古建筑修缮',
    lead: ['文体旅局'], co: ['宣传部', '文联'], areas: [], leaders: ['朱筱菁'], targets: [[10, '个'], [2, '个']], deadline: null, line: 147 },

  // ── (六) 民生改善; (70) and (71) share one cell: `★卫健委 ★教育局`, `—— ——`, `朱筱菁 朱筱菁` ──
  { n: '70', section: S6, group: '推进公共服务优质化', starts: '认真落实新阶段疫情防控各项举措', has: '新、改建4个社区卫生服务站',
    lead: ['卫健委'], co: [], areas: [], leaders: ['朱筱菁'], targets: [[4, '家'], [4, '个']], deadline: null, line: 151 },
  { n: '71', section: S6, group: '推进公共服务优质化', starts: '按照全市统一部署', has: '全面提高高中段教育质量',
    lead: ['教育局'], co: [], areas: [], leaders: ['朱筱菁'], targets: [[7, '个'], [6, '所']], deadline: null, line: 151 },
  { n: '72', section: S6, group: '推进社会保障均衡化', starts: '采取更多惠民暖心举措', has: '确保新增城镇就业1.7万人',
    lead: ['人社局'], co: [], areas: [], leaders: ['朱筱菁'], targets: [[1.5, '万人次'], [1.7, '万人']], deadline: null, line: 154 },
  { n: '73', section: S6, group: '推进社会保障均衡化', starts: '新增参保1万人', has: '参保1万人',
    lead: ['人社局'], co: [], areas: [], leaders: ['朱筱菁'], targets: [[1, '万人']], deadline: null, line: 155 },
  { n: '74', section: S6, group: '推进社会保障均衡化', starts: '新增住房公积金缴存4万人', has: '公积金缴存4万人',
    lead: ['吴中公积金分中心'], co: [], areas: [], leaders: ['周学斌'], targets: [[4, '万人']], deadline: null, line: 156 },
  { n: '76', section: S6, group: '推进社会保障均衡化', starts: '呵护老年群体', has: '特殊困难家庭居家智慧监测700户',
    lead: ['民政局'], co: [], areas: [], leaders: ['张华谦'], targets: [[1000, '户'], [700, '户']], deadline: null, line: 158 },
  { n: '77', section: S6, group: '推进社会保障均衡化', starts: '建成甪直残疾人之家', has: '残疾人之家',
    lead: ['残联'], co: [], areas: ['甪直镇'], leaders: ['张华谦'], targets: [], deadline: null, line: 159 },
  { n: '78', section: S6, group: '推进社会保障均衡化', starts: '开展儿童友好城市建设', has: '开设暑托点位132个',
    lead: ['妇联'], co: ['团委'], areas: [], leaders: ['朱筱菁'], targets: [[2, '个'], [132, '个']], deadline: null, line: 160 },
  { n: '79', section: S6, group: '推进社会治理现代化', starts: '从严抓好安全生产', has: '确保生产安全事故起数和死亡人数降幅大于全市平均水平',
    // names as printed: `交运局等安委会成员单位` is one name between separators
    lead: ['应急局'], co: ['住建局', '交运局等安委会成员单位'], areas: [], leaders: ['张华谦', '张伟'], targets: [], deadline: null, line: 161 },
  { n: '82', section: S6, group: '推进社会治理现代化', starts: '推动区镇村三级“一站式”社会矛盾纠纷调处化解中心实体化运行', has: '争创全国信访工作示范区',
    lead: ['信访局'], co: [], areas: [], leaders: ['吴鼎明'], deadline: null, line: 166 },
  { n: '91', section: S6, group: '推进社会治理现代化', starts: '加强政府性债务风险研判和排查化解', has: '继续推进“镇债县管”工作',
    // “年度任务” is not a time word
    lead: ['财政局（国资办）'], co: ['农业农村局'], areas: [], leaders: ['张华谦'], targets: [], deadline: null, line: 175 },
  { n: '92', section: S6, group: '推进社会治理现代化', starts: '升级“天穹计划”赋能应用体系', has: '确保社会平安稳定',
    lead: ['吴中公安分局'], co: [], areas: [], leaders: ['吴鼎明'], targets: [], deadline: null, line: 178 },

  // ── 全面建设人民满意政府 ──
  { n: '93', section: S7, group: '我们将把为民施政时刻记在心中', starts: '充分发挥社情民意联系日', has: '努力在第一时间协调解决',
    lead: ['政法委'], co: ['政府办'], areas: [], leaders: [], targets: [], deadline: null, line: 180 },
  { n: '97', section: S7, group: '我们将把依法行政牢牢抓在手上', starts: '自觉接受人大监督', has: '让行政权力运行在阳光下',
    // `各部门、单位` without ★: one placeholder group (all departments and units), not a unit
    // named 单位 (docs/IMPORT.md); as the only name it leads
    lead: ['各部门、单位'], co: [], areas: [], leaders: ['张华谦'], targets: [], deadline: null, line: 184 },
  { n: '99', section: S7, group: '我们将把廉洁从政坚决挺在前面', starts: '进一步压缩“三公经费”和一般性支出', has: '办老百姓心中事',
    lead: ['财政局'], co: ['机关事务管理中心'], areas: [], leaders: ['张华谦'], targets: [], deadline: null, line: 186 },
  { n: '100', section: S7, group: '我们将把廉洁从政坚决挺在前面', starts: '坚持刀刃向内不松劲', has: '树立清正廉洁的良好形象',
    // `★纪委（监委），各 部门、单位`: the space inside 各 部门 is a PDF artefact
    lead: ['纪委（监委）'], co: ['各部门、单位'], areas: [], leaders: [], targets: [], deadline: null, line: 187 },
];

function checkRow(item: ParsedItem, row: Row) {
  if (row.starts !== undefined) expect(norm(item.text).startsWith(norm(row.starts)), `text starts with ${row.starts}: ${item.text}`).toBe(true);
  expect(norm(item.text)).toContain(norm(row.has));
  expect(item.leadUnits, 'leadUnits').toEqual(row.lead);
  expect(item.coUnits, 'coUnits').toEqual(row.co);
  expect(item.areas, 'areas').toEqual(row.areas);
  expect(item.leaders, 'leaders').toEqual(row.leaders);
  if (row.targets !== undefined) {
    if (row.targets.length === 0) expect(item.targets, 'targets').toEqual([]);
    else expect(item.targets, 'targets').toEqual(expect.arrayContaining(row.targets.map(target)));
  }
  expect(item.deadline, 'deadline').toBe(row.deadline);
  if (item.line !== undefined) expect(item.line, 'line').toBe(row.line);
}

describe('golden: wuzhong-2023 (吴政发〔2023〕2号)', () => {
  let parsed: ParsedPlan;
  let indicators: ParsedItem[];
  let tasks: ParsedItem[];
  beforeAll(() => {
    parsed = parse();
    indicators = parsed.items.filter((i) => i.kind === 'indicator');
    tasks = parsed.items.filter((i) => i.kind === 'task');
  });

  it('reads the plan header', () => {
    expect(parsed.plan).toEqual({
      issuer: '苏州市吴中区人民政府',
      docNumber: '吴政发〔2023〕2号',
      year: 2023,
      title: '苏州市吴中区人民政府2023年主要工作任务分解方案',
      // The notice: 请各主要责任单位每月 25 日前报送工作进展 (a paragraph cut by a page break).
      cycle: 'monthly',
      dueDay: 25,
      cycleSource: expect.stringContaining('请各主要责任单位每月25日前报送工作进展'),
    });
  });

  it('finds 11 indicators and 108 tasks and nothing else', () => {
    expect(indicators).toHaveLength(11);
    expect(tasks).toHaveLength(108);
    expect(parsed.items).toHaveLength(119);
  });

  it('numbers the indicators 1–11 under 经济社会发展主要预期目标', () => {
    expect(indicators.map((i) => i.number)).toEqual(Array.from({ length: 11 }, (_, k) => String(k + 1)));
    for (const i of indicators) expect(i.path).toEqual([INDICATORS]);
  });

  it('numbers 打好三场硬仗 (1)–(8), then restarts the main numbering at (1)–(100)', () => {
    const seq = (n: number) => Array.from({ length: n }, (_, k) => String(k + 1));
    expect(tasks.map((t) => t.number)).toEqual([...seq(8), ...seq(100)]);
    for (const t of tasks.slice(0, 8)) expect(t.path.slice(0, 2)).toEqual([TASKS, TRIPLE]);
    for (const t of tasks.slice(8)) {
      expect(t.path[0]).toBe(TASKS);
      expect(t.path, `task (${t.number}) must not inherit 打好三场硬仗`).not.toContain(TRIPLE);
      expect(t.path).toHaveLength(3);
    }
    const sections = [...new Set(tasks.slice(8).map((t) => t.path[1]))];
    expect(sections).toEqual([S1, S2, S3, S4, S5, S6, S7]);
  });

  it.each(indicatorRows)('indicator $n: $has', (row) => {
    const item = findItem(parsed.items, 'indicator', row.n);
    expect(item.path).toEqual([INDICATORS]);
    checkRow(item, row);
  });

  it.each(taskRows)('task ($n) under $group: $starts', (row) => {
    const item = findItem(parsed.items, 'task', row.n, row.group);
    const last = typeof row.group === 'string' ? row.group : oneOf(...row.group);
    expect(item.path).toEqual([TASKS, row.section, last]);
    checkRow(item, row);
  });

  it('splits the shared cell of (70)/(71) into two tasks without markup', () => {
    const t70 = findItem(parsed.items, 'task', '70', '推进公共服务优质化');
    const t71 = findItem(parsed.items, 'task', '71', '推进公共服务优质化');
    expect(norm(t70.text)).not.toContain('按照全市统一部署');
    expect(norm(t70.text).endsWith('新、改建4个社区卫生服务站。')).toBe(true);
    expect(norm(t71.text).endsWith('全面提高高中段教育质量。')).toBe(true);
    for (const t of [t70, t71]) expect(t.text).not.toMatch(/<\/?\w+>|\(\d+\)/);
  });

  it('keeps every text, unit, area and leader clean', () => {
    const leaders = new Set(['张华谦', '张伟', '李烨', '周学斌', '朱筱菁', '吴鼎明', '烨']);
    for (const item of parsed.items) {
      const where = `${item.kind} ${item.number} ${item.path.at(-1)}`;
      expect(item.text, where).not.toMatch(/\s|<\/?\w+>|^\(?\d+\)/);
      for (const name of [...item.leadUnits, ...item.coUnits, ...item.areas]) {
        // 、 only inside a placeholder group (各部门、单位)
        expect(name.startsWith('各') ? name.replace(/、/g, '') : name, where).toMatch(/^[^\s★、，,；;—_]+$/);
      }
      for (const name of item.leaders) expect(leaders.has(name), `${where}: leader ${name}`).toBe(true);
    }
  });

  it('gives a deadline only to task (5), the one with time words', () => {
    const dated = parsed.items.filter((i) => i.deadline !== null).map((i) => [i.number, i.path.at(-1), i.deadline]);
    expect(dated).toEqual([['5', '更实举措加快建设项目建设', '2023-06-30']]);
  });

  it('places every line: no warnings', () => {
    expect(parsed.warnings).toEqual([]);
  });
});
