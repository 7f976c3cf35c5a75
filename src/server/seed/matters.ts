// Realistic matters for demo and benchmark data, in the words petitions use (from the seed reports:
// land requisition and demolition, unpaid wages, restructuring, social insurance, certificates, pollution).
export interface MatterTemplate { category: string; kind: 'suggestion' | 'accusation' | 'claim'; titles: string[]; body: string }

export const MATTERS: MatterTemplate[] = [
  { category: '0601', kind: 'claim', titles: ['反映{place}建筑工地拖欠农民工工资问题', '请求协调追讨{place}某公司拖欠工资', '{place}劳务公司拖欠{n}名工人工资'],
    body: '本人于去年在{place}从事建筑施工，包工头拖欠工资{money}元至今未付，多次讨要无果，请求有关部门协调解决。' },
  { category: '0602', kind: 'claim', titles: ['反映养老保险待遇核定问题', '请求补缴{place}企业职工社会保险', '反映失业保险金未按时发放'],
    body: '原单位在{year}年至今未为本人缴纳社会保险，现已达到退休年龄无法领取养老金，请求依法处理。' },
  { category: '1501', kind: 'claim', titles: ['反映{place}拆迁补偿标准过低', '{place}旧村改造安置房迟迟未交付', '请求解决{place}拆迁过渡费未发放问题'],
    body: '{place}拆迁项目至今已{n}个月，过渡安置费未按协议发放，安置房建设进度缓慢，群众生活困难，请求政府督促落实。' },
  { category: '1401', kind: 'claim', titles: ['反映{place}征地补偿款未发放到户', '对{place}土地征收补偿分配有异议', '请求公开{place}征地补偿款使用情况'],
    body: '{year}年{place}征收集体土地{n}亩，补偿款至今未足额发放到户，村民多次反映未果，请求核查并依法发放。' },
  { category: '1502', kind: 'claim', titles: ['反映{place}小区房产证多年未办理', '请求协调办理{place}商品房不动产权证'],
    body: '本人于{year}年购买{place}小区商品房，已交清全部房款，开发商至今未办理房产证，影响子女入学，请求协调解决。' },
  { category: '1101', kind: 'suggestion', titles: ['反映{place}企业夜间排放废气扰民', '建议加强{place}河道污水治理', '反映{place}养殖场污染环境'],
    body: '{place}附近企业夜间排放刺鼻气体，周边群众夜间无法正常休息，建议环保部门加强夜间巡查并依法处理。' },
  { category: '0201', kind: 'claim', titles: ['反映原{place}企业改制职工安置问题', '请求落实企业改制时承诺的待遇'],
    body: '原{place}国有企业于{year}年改制，改制时承诺的职工身份置换金至今未兑现，涉及职工{n}人，请求依政策解决。' },
  { category: '0401', kind: 'accusation', titles: ['检举{place}村干部优亲厚友问题', '举报{place}工作人员作风粗暴', '反映{place}干部违规收受礼金'],
    body: '{place}村干部在低保评定中优亲厚友，将不符合条件的亲属纳入低保，群众意见很大，请求纪检监察机关调查处理。' },
  { category: '0402', kind: 'accusation', titles: ['举报{place}村集体资金使用不公开', '检举{place}村账目不清问题'],
    body: '{place}村集体资金收支多年未公开，土地租金去向不明，请求对村财务进行审计。' },
  { category: '1301', kind: 'claim', titles: ['反映{place}土地承包经营权纠纷', '请求解决{place}承包地被占用问题'],
    body: '本人承包的{n}亩耕地被他人强行占用种植，多次协调未果，请求镇政府依法调处。' },
  { category: '1201', kind: 'claim', titles: ['申请{place}低保救助', '反映{place}困难家庭救助未落实'],
    body: '本人家庭因病致贫，丈夫常年患病，两个孩子上学，申请低保未获批准，请求重新审核。' },
  { category: '07', kind: 'suggestion', titles: ['建议在{place}增设幼儿园学位', '反映{place}学校校车安全问题'],
    body: '{place}适龄儿童逐年增加，现有幼儿园学位不足，建议教育部门统筹规划增设公办幼儿园。' },
  { category: '08', kind: 'suggestion', titles: ['建议{place}卫生院延长门诊时间', '反映{place}村卫生室缺少药品'],
    body: '{place}卫生院门诊下午四点即停止挂号，外出务工群众就医不便，建议延长门诊时间。' },
  { category: '1102', kind: 'suggestion', titles: ['建议修缮{place}村通往镇区道路', '反映{place}公交班次过少'],
    body: '{place}通往镇区的道路坑洼不平，雨天积水严重，学生上下学不便，建议列入道路修缮计划。' },
  { category: '1402', kind: 'claim', titles: ['反映{place}宅基地审批问题', '请求解决{place}宅基地界址纠纷'],
    body: '本人于{year}年申请宅基地至今未获审批，家中住房困难，请求有关部门依规办理。' },
  { category: '0502', kind: 'claim', titles: ['不服{place}民事判决要求再审', '反映{place}案件执行不到位'],
    body: '本人与他人民间借贷纠纷一案已经法院判决，但至今未执行到位，请求有关部门督促执行。' },
  { category: '1503', kind: 'suggestion', titles: ['反映{place}小区物业服务不到位', '建议规范{place}小区停车管理'],
    body: '{place}小区物业公司收费后不履行维修义务，电梯多次故障无人处理，请求主管部门督促整改。' },
];

export const PLACES = ['葛仙庄镇', '连庄镇', '油坊镇', '谢炉镇', '王官庄镇', '坝营镇', '县城开发区', '城东新区', '西关街道', '清河大道'];
export const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const GIVEN = ['建国', '秀英', '桂兰', '志强', '海燕', '玉梅', '国华', '淑珍', '建军', '丽娟', '明亮', '春花', '德胜', '红梅', '永福', '凤英', '晓东', '文博', '子涵', '雨轩', '新民', '素芬', '长青', '金凤'];

export function fillTemplate(s: string, rnd: () => number): string {
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
  return s
    .replace(/\{place\}/g, pick(PLACES))
    .replace(/\{n\}/g, String(2 + Math.floor(rnd() * 60)))
    .replace(/\{money\}/g, String((1 + Math.floor(rnd() * 90)) * 1000))
    .replace(/\{year\}/g, String(2012 + Math.floor(rnd() * 12)));
}

/** A small deterministic generator (mulberry32) so demo data is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
