import { describe, expect, it } from 'vitest';
import { type Cell, joinCellLines, renderBlocks, tableGrid } from '../../../shared/import/extract/blocks';

const c = (text: string, more: Partial<Cell> = {}): Cell => ({ blocks: text ? [text] : [], colspan: 1, rowspan: 1, ...more });

describe('the extraction contract (blocks → lines)', () => {
  it('joins a cell’s lines without a space between CJK, with one between Latin words or numbers', () => {
    expect(joinCellLines(['推进城市更新', '项目10个'])).toBe('推进城市更新项目10个');
    expect(joinCellLines(['完成投资', '120亿元'])).toBe('完成投资120亿元');
    expect(joinCellLines(['PM2.5 浓度', '下降'])).toBe('PM2.5 浓度下降');
    expect(joinCellLines(['GDP growth', '6.5%'])).toBe('GDP growth 6.5%');
    expect(joinCellLines(['区发改委、', ' 区住建局 '])).toBe('区发改委、区住建局');
    expect(joinCellLines(['a\tb'])).toBe('a b');
  });

  it('spreads merged cells: text in the first column of a span, repeated down a rowspan', () => {
    const grid = tableGrid({
      rows: [
        [c('一、经济发展', { colspan: 3 })],
        [c('1'), c('区住建局', { rowspan: 2 }), c('6月')],
        [c('2'), c('9月')],
        [c('3'), c('区城管局', { colspan: 2 })],
      ],
    });
    expect(grid).toEqual([
      ['一、经济发展', '', ''],
      ['1', '区住建局', '6月'],
      ['2', '区住建局', '9月'],
      ['3', '区城管局', ''],
    ]);
  });

  it('repeats a Word vMerge continuation from the row above and drops empty rows', () => {
    const grid = tableGrid({ rows: [[c('1'), c('区财政局')], [c('2'), c('', { continues: true })], [c(''), c('')]] });
    expect(grid).toEqual([['1', '区财政局'], ['2', '区财政局']]);
  });

  it('reads a layout table (one cell per row) as its contents and joins a nested table into its cell', () => {
    const inner = { rows: [[c('区发改委'), c('区财政局')], [c('区住建局'), c('')]] };
    const lines = renderBlocks([
      { rows: [[{ blocks: ['标题', { rows: [[c('1'), { blocks: [inner], colspan: 1, rowspan: 1 }]] }], colspan: 1, rowspan: 1 }]] },
    ]);
    expect(lines).toEqual(['标题', '1\t区发改委 区财政局区住建局']);
  });
});
