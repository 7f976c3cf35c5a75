// Matters for the categories the demo templates do not cover, so generated data spans all 18
// categories, and sentences that vary the contents (in the words of the seed reports).
import type { MatterTemplate } from '../../src/server/seed/matters.ts';

export const EXTRA_MATTERS: MatterTemplate[] = [
  { category: '01', kind: 'suggestion', titles: ['对{place}政务服务工作的意见建议', '建议{place}公开重大事项决策过程'],
    body: '{place}群众办事需要多次往返，建议推行一窗受理、一次办好，让数据多跑腿、群众少跑路。' },
  { category: '03', kind: 'suggestion', titles: ['反映{place}户外广告内容不当', '建议加强{place}政策宣传解读'],
    body: '{place}惠民政策宣传不到位，许多群众不了解申请条件和办理流程，建议通过村广播和公示栏加强宣传。' },
  { category: '09', kind: 'suggestion', titles: ['建议{place}增建群众健身场地', '反映{place}文化广场设施损坏'],
    body: '{place}文化广场健身器材损坏已有{n}个月，无人维修，存在安全隐患，请求有关部门尽快修复。' },
  { category: '10', kind: 'claim', titles: ['反映{place}事业单位招聘程序问题', '请求落实{place}退役人员工龄认定'],
    body: '本人于{year}年参加{place}事业单位公开招聘，成绩合格但未被录用，对招聘程序有异议，请求复核。' },
  { category: '16', kind: 'suggestion', titles: ['反映{place}移动信号覆盖差', '建议{place}加快宽带网络建设'],
    body: '{place}手机信号弱、网络经常中断，影响群众生活和网上办事，建议通信运营企业增设基站。' },
  { category: '17', kind: 'claim', titles: ['反映{place}商户预付卡无法退费', '投诉{place}农贸市场摊位费上涨'],
    body: '{place}一家健身机构突然停业，会员预付费用{money}元无法退还，涉及会员{n}人，请求有关部门协调处理。' },
  { category: '99', kind: 'suggestion', titles: ['其他事项：反映{place}流浪犬伤人问题', '反映{place}噪声扰民问题'],
    body: '{place}流浪犬数量增多，已发生多起伤人事件，请求有关部门组织收容管理。' },
  { category: '0202', kind: 'accusation', titles: ['举报{place}某公司以高息为诱饵非法集资', '反映{place}投资理财公司无法兑付'],
    body: '{place}某投资公司以高额回报为诱饵吸收群众资金，现已无法兑付本息，涉及群众{n}人、金额{money}元，请求依法查处。' },
  { category: '0501', kind: 'claim', titles: ['反映{place}治安秩序问题', '请求处理{place}邻里纠纷引发的殴打事件'],
    body: '{place}夜间经常有人聚众滋事，群众不敢出门，报警后处理不到位，请求加强巡逻防控。' },
  { category: '0603', kind: 'claim', titles: ['反映{place}企业未签订劳动合同', '请求认定{place}工伤待遇'],
    body: '本人在{place}一家企业工作{n}个月，企业拒绝签订劳动合同，工作中受伤后拒绝申报工伤，请求依法维护权益。' },
  { category: '1202', kind: 'claim', titles: ['请求落实{place}退役军人优抚待遇', '反映{place}伤残军人抚恤金发放问题'],
    body: '本人为退役军人，按政策应享受的优抚待遇自{year}年起未足额发放，请求民政和退役军人事务部门核实落实。' },
  { category: '1302', kind: 'accusation', titles: ['反映{place}村务长期不公开', '检举{place}村委会违规发包集体土地'],
    body: '{place}村委会将集体土地{n}亩私下发包，未经村民代表大会讨论，承包费去向不明，请求依法调查处理。' },
];

/** Sentences added to a matter's body so that no two contents read alike. */
export const EXTRA_SENTENCES = [
  '此前已向村委会和镇政府反映过{n}次，均未得到答复。',
  '涉及周边群众{n}户，大家意见很大。',
  '本人年事已高，生活困难，恳请领导重视。',
  '相关材料复印件已随信附上，请予核实。',
  '希望有关部门依法依规处理，给群众一个明确答复。',
  '去年{year}年曾经协调过一次，但承诺事项至今未落实。',
  '涉及金额约{money}元，对家庭生活影响很大。',
  '请求有关部门实地调查，公开处理结果。',
  '本人愿意配合调查，随时可以提供证明材料。',
  '已在12345热线反映过，回复称转有关部门办理。',
  '问题持续时间较长，群众反映强烈。',
  '请求领导接访时当面反映情况。',
];
