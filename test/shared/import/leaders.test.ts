import { describe, expect, it } from 'vitest';
import { repairLeaderFragments, splitLeaders } from '../../../shared/import/leaders';

describe('leader cells with PDF spaces', () => {
  it('two names run together (`陆 明俞 悦`) are split at a name the document prints alone', () => {
    const items = [{ leaders: splitLeaders('俞 悦'), line: 1 }, { leaders: splitLeaders('陆 明俞 悦'), line: 2 }];
    const warnings: string[] = [];
    repairLeaderFragments(items, (_, m) => warnings.push(m));
    expect(items.map((i) => i.leaders)).toEqual([['俞悦'], ['陆明', '俞悦']]);
    expect(warnings).toEqual([]);
  });

  it('without such a name the fragment is reported, not guessed', () => {
    const items = [{ leaders: splitLeaders('陆 明俞 悦'), line: 2 }];
    const warnings: string[] = [];
    repairLeaderFragments(items, (_, m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
  });
});
