import { describe, expect, it } from 'vitest';
import { NO_RULES } from '../../../shared/import/doc-rules';
import { assignUnits, leadPhrase } from '../../../shared/import/unit-roles';
import { splitUnits } from '../../../shared/import';

describe('who leads', () => {
  it('甲、乙分别牵头 = two parallel leads; the rest of the phrase are co units', () => {
    expect(leadPhrase('市发改委、市财政局分别牵头，各县（市、区）政府按职责分工负责')).toEqual({
      leadUnits: ['市发改委', '市财政局'],
      coUnits: ['各县（市、区）政府'],
    });
    expect(leadPhrase('市交通局牵头，市公安局配合')).toEqual({ leadUnits: ['市交通局'], coUnits: ['市公安局'] });
    expect(leadPhrase('市交通局、市公安局')).toBeNull();
  });

  it('a 牵头单位 column or key: all its units lead, 责任单位 become co units', () => {
    expect(assignUnits({ lead: ['区发改委、区财政局'], units: ['区住建局'], co: [] }, NO_RULES)).toEqual({
      leadUnits: ['区发改委', '区财政局'],
      coUnits: ['区住建局'],
    });
  });

  it('责任单位 alone: ★ marks the leads, else the first unit leads', () => {
    expect(assignUnits({ lead: [], units: ['区住建局、★区城管局'], co: ['区公安分局'] }, NO_RULES)).toEqual({
      leadUnits: ['区城管局'],
      coUnits: ['区住建局', '区公安分局'],
    });
    expect(assignUnits({ lead: [], units: ['区住建局、区城管局'], co: [] }, NO_RULES)).toEqual({
      leadUnits: ['区住建局'],
      coUnits: ['区城管局'],
    });
  });

  it('a placeholder listing several kinds is one group', () => {
    expect(splitUnits('市发改委、各区、县级市')).toEqual({ leadUnits: ['市发改委'], coUnits: ['各区、县级市'] });
    expect(splitUnits('区民政局，各镇（街道）、各相关部门')).toEqual({
      leadUnits: ['区民政局'],
      coUnits: ['各镇（街道）', '各相关部门'],
    });
  });
});
