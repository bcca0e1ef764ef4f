// Which heading is a task's chapter (按篇章): the first heading below the top level shared by
// every task, whatever the plan's layout.
import { describe, expect, it } from 'vitest';
import { chaptersOf } from '../../worker/src/db/plan-frame';

const task = (...path: string[]) => ({ kind: 'task' as const, path });
const indicator = (...path: string[]) => ({ kind: 'indicator' as const, path });

describe('chaptersOf', () => {
  it('skips a top heading every task shares (Wuzhong: 二、工作任务分解 › （一）…)', () => {
    const { chapters, chapterOf } = chaptersOf([
      indicator('经济社会发展主要预期目标'),
      task('工作任务分解', '实施产业跃升行动', '打造优势产业集群'),
      task('工作任务分解', '实施产业跃升行动', '壮大数字经济'),
      task('工作任务分解', '实施城乡融合行动', '推进乡村振兴'),
    ]);
    expect(chapters).toEqual(['经济社会发展主要预期目标', '实施产业跃升行动', '实施城乡融合行动']);
    expect(chapterOf).toEqual([0, 1, 1, 2]);
  });

  it('uses the top headings when tasks differ there (Wujiang: 三、强化科技创新引领 …)', () => {
    const { chapters, chapterOf } = chaptersOf([
      indicator('2024年全区经济社会发展主要预期目标'),
      task('强化科技创新引领'),
      task('强化科技创新引领'),
      task('发挥民营经济优势', '构建现代产业体系'),
    ]);
    expect(chapters).toEqual(['2024年全区经济社会发展主要预期目标', '强化科技创新引领', '发挥民营经济优势']);
    expect(chapterOf).toEqual([0, 1, 1, 2]);
  });

  it('never consumes a whole path, and copes with items without headings', () => {
    expect(chaptersOf([task('工作任务分解'), task('工作任务分解')]).chapters).toEqual(['工作任务分解']);
    expect(chaptersOf([task(), task('交通')]).chapters).toEqual(['其他', '交通']);
    expect(chaptersOf([]).chapters).toEqual([]);
  });
});
