import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../../shared/import/header';

const header = (...lines: string[]) => parseHeader(lines, lines.join('\n'));

describe('plan header from the notice', () => {
  it('a title printed over two lines is the name the notice hands out', () => {
    expect(
      header('关于印发《某区政府2023年重点工作任务分解 和责任分工方案》的通知', '某区人民政府', '某区政府2023年重点工作', '任务分解和责任分工方案')
        .title,
    ).toBe('某区政府2023年重点工作任务分解和责任分工方案');
  });

  it('without a title line: the 《…》 handed out (inner <> as 《》), else the 附件 line', () => {
    expect(header('现将《2022年<政府工作报告>重点任务责任落实分工》印发给你们。').title).toBe('2022年《政府工作报告》重点任务责任落实分工');
    expect(header('请按照《政府工作报告》的要求落实。', '附件:2007年某区政府工作主要任务分解表').title).toBe('2007年某区政府工作主要任务分解表');
  });

  it('the issuer: a 文件 head, a signature, a 关于 line, a page’s 来源 — never a clause', () => {
    expect(header('鞍山市立山区人民政府文件').issuer).toBe('鞍山市立山区人民政府');
    expect(header('2023-01-05 10:00 区人民政府办公室', '蔡甸区人民政府办公室').issuer).toBe('蔡甸区人民政府');
    expect(header('泾县人民政府关于分解落实政府工作报告目标任务的通知').issuer).toBe('泾县人民政府');
    expect(header('来源:华容县政府   2021-03-23', '《任务分解》已经县人民政府同意,现印发给你们').issuer).toBe('华容县人民政府');
    expect(header('《任务分解》已经县人民政府同意,现印发给你们').issuer).toBe('');
  });

  it('a 文号 the notice only cites is not the plan’s', () => {
    expect(
      header('各县区人民政府：', '为深入贯彻落实《国务院关于支持山东深化新旧动能转换推动绿色低碳高质量发展的意见》(国发〔2022〕18号)，经市政府同意，现将方案印发给你们。').docNumber,
    ).toBeNull();
    expect(header('名称: 泾县人民政府关于分解落实政府工作报告目标任务的通知 文号: 泾政〔2023〕1号').docNumber).toBe('泾政〔2023〕1号');
  });

  it('文号 printed with spaces, or 无', () => {
    expect(header('菏政办字 〔2023〕1号').docNumber).toBe('菏政办字〔2023〕1号');
    expect(header('发文字号: | 无 |').docNumber).toBeNull();
  });
});

describe('plan header of a State Council document', () => {
  it('a two-line 关于… title, 国务院 / 国务院办公厅 as issuer, never a 主送 list’s 直辖市人民政府', () => {
    const notice = header(
      '国务院办公厅关于对真抓实干成效明显地方',
      '进一步加大激励支持力度的通知',
      '国办发〔2018〕117号',
      '各省、自治区、直辖市人民政府，国务院各部委：',
      '自本通知印发之日起，《国务院办公厅关于旧事项的通知》（国办发〔2016〕82号）停止执行。',
    );
    expect(notice.title).toBe('国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知');
    expect(notice.issuer).toBe('国务院办公厅');
    expect(header('国务院关于加快推进农业机械化和', '农机装备产业转型升级的指导意见', '国发〔2018〕42号')).toMatchObject({
      title: '国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见',
      issuer: '国务院',
      year: 2018,
    });
  });
});
