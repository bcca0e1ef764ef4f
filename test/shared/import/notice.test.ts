import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../../shared/import';
import { looksLikeNotice, noticeEnd } from '../../../shared/import/notice';

const NOTICE = [
  '某县人民政府关于印发2023年重点工作任务分解方案的通知',
  '各乡镇人民政府，县政府各部门：',
  '现将《某县2023年重点工作任务分解方案》印发给你们，请认真贯彻落实。',
  '一、高度重视。各责任单位要切实加强领导，制订工作方案。',
  '二、加强督查。请于每季度末月20日前报送进展情况。',
  '某县人民政府',
  '2023年2月1日',
];

describe('the 印发 notice in front of a plan', () => {
  it('ends at its signature date, before the plan’s content', () => {
    expect(noticeEnd([...NOTICE, '某县2023年重点工作任务分解方案', '1.新建学校1所。', '责任单位：县教育局'])).toBe(6);
    expect(noticeEnd(['1.新建学校1所。', '责任单位：县教育局', '2023年2月1日'])).toBe(-1);
    expect(looksLikeNotice(NOTICE)).toBe(true);
  });

  it('its numbered paragraphs are not tasks; the plan after it is read', () => {
    const { plan, items } = parsePlanDocument([...NOTICE, '某县2023年重点工作任务分解方案', '1.新建学校1所。', '责任单位：县教育局'].join('\n'));
    expect(items.map((i) => i.text)).toEqual(['新建学校1所。']);
    expect(plan).toMatchObject({ title: '某县2023年重点工作任务分解方案', issuer: '某县人民政府', cycle: 'quarterly', dueDay: 20 });
  });

  it('a paste of the notice alone gives no items and says the task table is missing', () => {
    const { items, warnings } = parsePlanDocument(NOTICE.join('\n'));
    expect(items).toEqual([]);
    expect(warnings.some((w) => w.message.includes('没有找到任务清单'))).toBe(true);
  });
});

describe('a plan signed at its end', () => {
  it('a closing date after the tasks does not make them a notice', () => {
    const doc = ['某区2024年重点工作任务分解方案', '1、新建学校2所。[牵头单位:区教育局]', '2、新建公园1个。[牵头单位:区住建局]', '某区人民政府', '2024年1月5日'].join('\n');
    expect(parsePlanDocument(doc).items.map((i) => i.number)).toEqual(['1', '2']);
  });
});
