// 诉访分离 ([T22] Art 31): matters for a court, arbitration or administrative review go to that
// procedure. Before submission the portal names the channel when the category or the words point
// there; the citizen may still submit (the bureau decides).
export interface ChannelHint { key: 'court' | 'labour_arbitration' | 'arbitration' | 'administrative_review'; zh: string; en: string }

const RULES: { test: RegExp; hint: ChannelHint }[] = [
  { test: /判决|裁定书|法院|起诉|诉讼|再审|强制执行/, hint: { key: 'court', zh: '涉及法院判决、裁定或诉讼的事项，应依法向人民法院提出（起诉、上诉或申请再审），信访部门不能改变法院的裁判。', en: 'Matters about a court judgment, ruling or lawsuit go to the People\'s Court (suit, appeal or retrial); the petition bureau cannot change a court decision.' } },
  { test: /劳动仲裁|劳动合同|解除劳动|经济补偿金|工伤认定/, hint: { key: 'labour_arbitration', zh: '劳动合同、经济补偿等劳动争议，可向县劳动人事争议仲裁委员会申请仲裁。', en: 'Labour disputes (contracts, severance) can go to the county Labour and Personnel Dispute Arbitration Commission.' } },
  { test: /仲裁/, hint: { key: 'arbitration', zh: '约定了仲裁的合同纠纷，应向仲裁委员会申请仲裁。', en: 'Contract disputes with an arbitration clause go to the arbitration commission.' } },
  { test: /行政复议|行政处罚|罚款决定|吊销|行政许可|不予许可/, hint: { key: 'administrative_review', zh: '对行政处罚、行政许可等具体行政行为不服的，可在 60 日内向县人民政府申请行政复议。', en: 'To contest an administrative penalty or licence decision, apply to the county government for administrative review within 60 days.' } },
];

/** The channel a matter probably belongs to, or null. Category 0502 is 涉法涉诉. */
export function properChannelHint(text: string, categoryCode: string | null): ChannelHint | null {
  for (const r of RULES) if (r.test.test(text)) return r.hint;
  if (categoryCode === '0502') return RULES[0]!.hint;
  return null;
}
