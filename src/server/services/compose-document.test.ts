import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../domain/deadlines.ts';
import { chineseDate } from '../../shared/documents.ts';
import { composeDocument, type DocumentFacts } from './compose-document.ts';

const facts = (over: Partial<DocumentFacts>): DocumentFacts => ({
  type: 'accept-notice', caseId: 7, caseNo: 'XF20261305340000007', title: '拖欠农民工工资', content: '工资三万元至今未付，请求协调解决。',
  channel: 'visit', receivedOn: '2026-03-02', queryCode: 'ABCD2345', petitionerName: '刘桂兰', headcount: 1, isCollective: false,
  acceptedOn: '2026-03-05', handlingOrgName: '县人力资源和社会保障局', issuerName: '县人力资源和社会保障局', issuedOn: '2026-03-05', ordinal: 3,
  data: {}, request: null, nextBodyName: '清河县人民政府', profile: DEFAULT_PROFILE, notice: null, ...over,
});

describe('chineseDate', () => {
  it('writes dates in Chinese numerals as signatures do', () => {
    expect(chineseDate('2026-03-05')).toBe('二〇二六年三月五日');
    expect(chineseDate('2026-10-10')).toBe('二〇二六年十月十日');
    expect(chineseDate('2026-12-31')).toBe('二〇二六年十二月三十一日');
    expect(chineseDate('2030-11-20')).toBe('二〇三〇年十一月二十日');
  });
});

describe('composeDocument', () => {
  it('numbers the document by its kind and year and addresses the petitioner', () => {
    const d = composeDocument(facts({}));
    expect(d.number).toBe('信受〔2026〕3号');
    expect(d.title).toBe('信访事项受理告知书');
    expect(d.addressee).toBe('刘桂兰：');
    expect(d.dateText).toBe('二〇二六年三月五日');
    expect(d.paragraphs[0]).toContain('2026年3月2日通过来访方式反映的“拖欠农民工工资”信访事项（事项编号：XF20261305340000007）');
    expect(d.paragraphs[1]).toContain('60日内办结'); // Art 34
    expect(d.paragraphs[2]).toContain('ABCD2345');
    expect(d.closing).toBe('特此告知。');
    expect(d.hasPersonalData).toBe(true);
  });

  it('addresses a collective visit to the first petitioner and the headcount', () => {
    const d = composeDocument(facts({ isCollective: true, headcount: 8 }));
    expect(d.addressee).toBe('刘桂兰等8人：');
    expect(d.paragraphs[0]).toMatch(/^你们于/);
  });

  it('tells the reason and the proper channel when declining, and the procedure when diverting', () => {
    const d = composeDocument(facts({ type: 'decline-notice', data: { reason: '不属于信访事项。', properChannel: '向县教育局申请' } }));
    expect(d.paragraphs[0]).toContain('经审查，不属于信访事项。根据《信访工作条例》第二十三条');
    expect(d.paragraphs[1]).toBe('你可以依照有关法律、法规的规定，向县教育局申请提出。');
    const v = composeDocument(facts({ type: 'decline-notice', data: { reason: '属于民事纠纷', procedure: 'litigation', properChannel: '清河县人民法院' } }));
    expect(v.paragraphs[0]).toContain('应当通过诉讼等法定途径解决');
    expect(v.paragraphs[0]).toContain('第三十一条');
    const f = composeDocument(facts({ type: 'decline-notice', data: { reason: 'x', code: 'FINAL_NOT_REACCEPTED' } }));
    expect(f.paragraphs[0]).toContain('第三十六条');
    // declined by staff on the Art 36 ground: the Art 36 paragraph, not the general one
    const b = composeDocument(facts({ type: 'decline-notice', data: { reason: '与原事项事实和理由相同', properChannel: '县信访局', basis: 'final_repeat' } }));
    expect(b.paragraphs[0]).toContain('该事项已经复核终结。根据《信访工作条例》第三十六条');
    expect(b.paragraphs[0]).not.toContain('第二十三条');
  });

  it('gives the extension reason, its days and the new due date', () => {
    const d = composeDocument(facts({ type: 'extension-notice', data: { days: 30, reason: '需要调取多年社保缴费记录', dues: { answer: '2026-06-03' } } }));
    expect(d.paragraphs[0]).toContain('因需要调取多年社保缴费记录，不能在规定期限内办结');
    expect(d.paragraphs[1]).toContain('延长30日，至2026年6月3日前办结');
  });

  it('states outcome, facts and basis, and the right to ask for review within 30 days and where', () => {
    const d = composeDocument(facts({ type: 'opinion', queryCode: null, data: { outcome: 'not_upheld', text: '经核实，工资已于2025年结清。' } }));
    expect(d.title).toBe('信访事项处理意见书');
    expect(d.number).toBe('信处〔2026〕3号');
    expect(d.paragraphs.join('')).toContain('一、反映的主要问题。工资三万元至今未付');
    expect(d.paragraphs.join('')).toContain('二、调查核实情况及处理依据。经核实，工资已于2025年结清。');
    expect(d.paragraphs.join('')).toContain('第三十二条');
    expect(d.paragraphs.join('')).toContain('不予支持');
    expect(d.paragraphs.at(-1)).toBe('如对本处理意见不服，可以自收到本意见书之日起30日内，向清河县人民政府书面提出复查申请（《信访工作条例》第三十五条）。');
  });

  it('writes the assignment sheet to the receiving body with the time limits of the profile, the headcount and no empty lines', () => {
    const profile = { ...DEFAULT_PROFILE, accept: { days: 10, unit: 'calendar' as const }, answer: { days: 45, unit: 'calendar' as const } };
    const d = composeDocument(facts({
      type: 'assign-sheet', issuerName: '清河县信访局', issuedOn: '2026-03-03', isCollective: true, headcount: 8, profile,
      data: { targetOrgId: 8, targetOrgName: '县人力资源和社会保障局', note: null },
    }));
    expect(d.number).toBe('信交〔2026〕3号');
    expect(d.addressee).toBe('县人力资源和社会保障局：');
    expect(d.fields.find((x) => x.label === '信访人')?.value).toBe('刘桂兰等8人');
    expect(d.fields.find((x) => x.label === '信访形式')?.value).toBe('来访（2026年3月2日收到）');
    expect(d.fields.some((x) => x.label === '协办单位')).toBe(false);
    expect(d.paragraphs).toHaveLength(2); // no co-handling bodies, not an accusation, no note
    expect(d.paragraphs[0]).toContain('自收到之日起10日内决定是否受理');
    expect(d.paragraphs[0]).toContain('自受理之日起45日内办结');
    expect(d.paragraphs[0]).toContain('并将办理结果报送清河县信访局');
    expect(d.paragraphs[1]).toContain('5个工作日内');
  });

  it('names the co-handling bodies the lead investigated with (Art 24), and none when there were none', () => {
    const joint = composeDocument(facts({ type: 'opinion', coOrgNames: ['县住房和城乡建设局', '县自然资源局'], data: { outcome: 'explained', text: '经核实。' } }));
    expect(joint.paragraphs[0]).toContain('经会同县住房和城乡建设局、县自然资源局调查核实，现将处理意见告知如下：');
    const alone = composeDocument(facts({ type: 'opinion', coOrgNames: [], data: { outcome: 'explained', text: '经核实。' } }));
    expect(alone.paragraphs[0]).toContain('依法受理。经调查核实，现将处理意见告知如下：');
  });

  it('follows the configured limits and units', () => {
    const d = composeDocument(facts({ type: 'opinion', data: { outcome: 'upheld', text: 't' }, profile: { ...DEFAULT_PROFILE, reviewRequest: { days: 20, unit: 'working' } } }));
    expect(d.paragraphs.at(-1)).toContain('20个工作日内');
  });

  it('cuts a long complaint in the opinion and keeps the answer whole', () => {
    const d = composeDocument(facts({ type: 'opinion', content: '长'.repeat(1000), data: { outcome: 'upheld', text: '答'.repeat(900) } }));
    expect(d.paragraphs[1]).toHaveLength('一、反映的主要问题。'.length + 400 + 2);
    expect(d.paragraphs[2]).toContain('答'.repeat(900));
  });

  it('writes review and re-review opinions: the request, the decision, the next step or finality', () => {
    const r = composeDocument(facts({
      type: 'review-opinion', issuerName: '清河县人民政府', nextBodyName: '邢台市人民政府', request: { on: '2026-06-19', reason: '补缴年限计算有误' },
      data: { outcome: 'maintained', text: '经复查，维持原处理意见。' },
    }));
    expect(r.paragraphs[0]).toContain('不服县人力资源和社会保障局作出的信访事项处理意见');
    expect(r.paragraphs[0]).toContain('于2026年6月19日向本机关提出复查申请');
    expect(r.paragraphs[1]).toBe('一、复查请求。补缴年限计算有误');
    expect(r.paragraphs[3]).toContain('本机关决定：维持原处理意见');
    expect(r.paragraphs[4]).toContain('向邢台市人民政府书面提出复核请求');
    const rr = composeDocument(facts({ type: 'rereview-opinion', request: { on: '2026-07-20', reason: '不服' }, data: { outcome: 'changed', text: '经复核。' } }));
    expect(rr.number).toBe('信复核〔2026〕3号');
    expect(rr.paragraphs[3]).toContain('变更复查意见');
    expect(rr.paragraphs[4]).toContain('本复核意见为终结意见');
  });

  it('addresses a supervision notice to the body supervised, without the petitioner', () => {
    const d = composeDocument(facts({
      type: 'supervision-notice', issuerName: '清河县信访局', notice: { targetName: '县住房和城乡建设局', text: '请尽快答复信访人', dueOn: '2026-03-20' },
    }));
    expect(d.addressee).toBe('县住房和城乡建设局：');
    expect(d.hasPersonalData).toBe(false);
    expect(d.fields.find((f) => f.label === '办结时限')?.value).toBe('2026年3月20日');
    expect(JSON.stringify(d)).not.toContain('刘桂兰');
    expect(d.paragraphs[0]).toContain('第四十条');
  });
});
