import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../shared/import/targets';

const pairs = (text: string) => extractTargets(text).map((t) => [t.value, t.unit]);

describe('extractTargets', () => {
  it('reads countable quantities with the phrase they came from', () => {
    expect(extractTargets('建成投用华中师大苏州实验中学等5所学校、新增学位11000个，开工建设舟山实验小学等3所学校。')).toEqual([
      { text: '建成投用华中师大苏州实验中学等5所学校', value: 5, unit: '所' },
      { text: '新增学位11000个', value: 11000, unit: '个' },
      { text: '开工建设舟山实验小学等3所学校', value: 3, unit: '所' },
    ]);
  });

  it('keeps the multiplier in the unit and reads decimals', () => {
    expect(pairs('开展职业技能培训1.8万人次，新增城镇就业1.7万人，新建堤防9.1公里，新增科创载体50万平方米')).toEqual([
      [1.8, '万人次'],
      [1.7, '万人'],
      [9.1, '公里'],
      [50, '万平方米'],
    ]);
    expect(pairs('突破1500亿元、实际使用外资5亿美元、村均收入达1840万元、粮食产量3.2亿斤')).toEqual([
      [1500, '亿元'],
      [5, '亿美元'],
      [1840, '万元'],
      [3.2, '亿斤'],
    ]);
  });

  it('ignores percentages, ratios and numbers without a countable unit', () => {
    expect(extractTargets('地区生产总值增长5%以上，研发支出占GDP比重超3.9%，落实24小时水质动态监测')).toEqual([]);
    expect(extractTargets('配合轨道交通7号线开通运营，强化“环太湖1号公路”引领作用，深化“333+N”产业集群')).toEqual([]);
    expect(extractTargets('实施1000万以上工业企业增资扩产项目129个')).toEqual([
      { text: '实施1000万以上工业企业增资扩产项目129个', value: 129, unit: '个' },
    ]);
  });

  it('does not take range ends or size classes as targets, but counts what they qualify', () => {
    expect(pairs('新增投资1-10亿元项目100个、10-20亿元项目20个、20-50亿元项目5个、50亿元以上项目2个')).toEqual([
      [100, '个'],
      [20, '个'],
      [5, '个'],
      [2, '个'],
    ]);
    expect(pairs('新签约亿元以上项目超270个，10亿元以上项目50个')).toEqual([
      [270, '个'],
      [50, '个'],
    ]);
    // A count of firms with 以上 is still a target.
    expect(pairs('争取2家以上企业被认定为市级以上跨国公司地区总部')).toEqual([[2, '家']]);
  });

  it('reads 余 / 多 and 增至, and does not read a unit that starts another word', () => {
    expect(pairs('完成50个自然村、3300余户天然气进村入户，万人有效发明专利拥有量增至125件')).toEqual([
      [50, '个'],
      [3300, '户'],
      [125, '件'],
    ]);
    expect(pairs('实施3项目攻坚，打造2片区')).toEqual([]);
  });
});

describe('target texts a clerk can read (issue 12)', () => {
  it('never cut inside a word, and a bare listed quantity says what it counts', () => {
    const text = '全力推进9个、总投资230亿元的省重大项目，77个、总投资1078亿元的市重点项目，确保诚拓智能、银禧科技等37个新开工市重点项目上半年全部开工。';
    const byValue = new Map(extractTargets(text).map((t) => [t.value, t.text]));
    expect(byValue.get(77)).toBe('77个、总投资1078亿元的市重点项目');
    expect(byValue.get(37)).toBe('银禧科技等37个新开工市重点项目上半年全部开工');
    expect(byValue.get(9)).toBe('全力推进9个');
  });
});
