import { describe, expect, it } from 'vitest';
import { properChannelHint } from './proper-channel.ts';

describe('properChannelHint (诉访分离, Art 31)', () => {
  it('names the court for judgments, labour arbitration for contract disputes, administrative review for penalties', () => {
    expect(properChannelHint('不服县法院的一审判决', null)?.key).toBe('court');
    expect(properChannelHint('公司解除劳动合同不给经济补偿金', null)?.key).toBe('labour_arbitration');
    expect(properChannelHint('对交警的行政处罚决定不服', null)?.key).toBe('administrative_review');
    expect(properChannelHint('合同约定仲裁', null)?.key).toBe('arbitration');
  });

  it('uses the 涉法涉诉 category and stays quiet for an ordinary matter', () => {
    expect(properChannelHint('请求帮助', '0502')?.key).toBe('court');
    expect(properChannelHint('小区门前道路破损积水', '1102')).toBeNull();
  });
});
