import { describe, expect, it } from 'vitest';
import { splitLeaders } from '../../../shared/import/leaders';
import {
  isPlaceholderUnit,
  normaliseUnitName,
  splitCellGroups,
  splitNames,
  splitUnits,
} from '../../../shared/import/units';

describe('normaliseUnitName', () => {
  it('removes whitespace and ★, makes brackets full-width and drops edge punctuation', () => {
    expect(normaliseUnitName(' ★ 住建局(农房办)、')).toBe('住建局（农房办）');
    expect(normaliseUnitName('区委组织部(人才办)')).toBe('区委组织部（人才办）');
    expect(normaliseUnitName('各 部门；')).toBe('各部门');
    expect(normaliseUnitName('区发改委')).toBe('区发改委'); // aliases are not resolved here
  });
});

describe('isPlaceholderUnit', () => {
  it('recognises names that stand for a set of units', () => {
    for (const name of ['各镇（街道）', '各镇(街道)', '各相关单位', '各板块', '各区镇', '各国资公司', '相关部门', '安委会成员单位', '单位']) {
      expect(isPlaceholderUnit(name), name).toBe(true);
    }
    for (const name of ['发改委', '区住建局', '城投集团', '甪直镇', '度假区消防救援大队']) {
      expect(isPlaceholderUnit(name), name).toBe(false);
    }
  });
});

describe('splitUnits', () => {
  it('takes ★ units as leads, several ★ as parallel leads', () => {
    expect(splitUnits('★工信局、发改委、科技局')).toEqual({ leadUnits: ['工信局'], coUnits: ['发改委', '科技局'] });
    expect(splitUnits('★污防攻坚办、 ★水务局、★资规分局')).toEqual({
      leadUnits: ['污防攻坚办', '水务局', '资规分局'],
      coUnits: [],
    });
    expect(splitUnits('★ 发改委、★ 水务局、应急管理局')).toEqual({ leadUnits: ['发改委', '水务局'], coUnits: ['应急管理局'] });
  });

  it('takes the first unit as lead when nothing is marked', () => {
    expect(splitUnits('资规分局、发改委、工信局')).toEqual({ leadUnits: ['资规分局'], coUnits: ['发改委', '工信局'] });
    expect(splitUnits('各相关单位')).toEqual({ leadUnits: ['各相关单位'], coUnits: [] });
  });

  it('splits on 、，,；; but not inside brackets, and keeps names as printed', () => {
    expect(splitUnits('★工信局，太湖新城')).toEqual({ leadUnits: ['工信局'], coUnits: ['太湖新城'] });
    expect(splitUnits('★住建局(农房办)、各镇(街道)')).toEqual({ leadUnits: ['住建局（农房办）'], coUnits: ['各镇（街道）'] });
    expect(splitUnits('★财政局（国资办、金融办）;税务局')).toEqual({ leadUnits: ['财政局（国资办、金融办）'], coUnits: ['税务局'] });
    expect(splitUnits('★应急局、住建局、交运局等安委会成员单位').coUnits).toEqual(['住建局', '交运局等安委会成员单位']);
    expect(splitUnits('★纪委（监委），各 部门、单位')).toEqual({ leadUnits: ['纪委（监委）'], coUnits: ['各部门、单位'] });
  });

  it('reads ——, — and _____ as none', () => {
    for (const none of ['——', '—', '_____', '', '  ']) expect(splitUnits(none)).toEqual({ leadUnits: [], coUnits: [] });
  });
});

describe('splitNames (areas)', () => {
  it('splits areas like units, without leads', () => {
    expect(splitNames('度假区、经开区、高新区，各镇，长桥街道、城南街道')).toEqual([
      '度假区', '经开区', '高新区', '各镇', '长桥街道', '城南街道',
    ]);
    expect(splitNames('——')).toEqual([]);
  });
});

describe('splitCellGroups', () => {
  it('splits <p> groups and space-separated groups, one per task', () => {
    expect(splitCellGroups('<p>★商务局</p> <p>★商务局、金管局</p>')).toEqual(['★商务局', '★商务局、金管局']);
    expect(splitCellGroups('★卫健委 ★教育局')).toEqual(['★卫健委', '★教育局']);
    expect(splitCellGroups('—— ——')).toEqual(['——', '——']);
    expect(splitCellGroups('★ 金管局 ★ 国资办、各国资公司')).toEqual(['★金管局', '★国资办、各国资公司']);
    expect(splitCellGroups('★发改委，各相关单位 各相关单位')).toEqual(['★发改委，各相关单位', '各相关单位']);
    expect(splitCellGroups('★发改委、人社局、 农业农村局')).toEqual(['★发改委、人社局、农业农村局']);
  });
});

describe('splitLeaders', () => {
  it('joins names split by PDF spaces and splits between people', () => {
    expect(splitLeaders('钱 宇')).toEqual(['钱宇']);
    expect(splitLeaders('周学斌 李 烨')).toEqual(['周学斌', '李烨']);
    expect(splitLeaders('张华谦 张伟')).toEqual(['张华谦', '张伟']);
    expect(splitLeaders('王 五、李四')).toEqual(['王五', '李四']);
    expect(splitLeaders('——')).toEqual([]);
    expect(splitLeaders('_____')).toEqual([]);
  });
});
