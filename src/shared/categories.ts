// Default content categories (the national list seen across live systems) with common
// sub-categories. Installed as data on first start; administrators edit the tree afterwards.
export interface CategorySeed { code: string; zh: string; en: string; children?: [code: string, zh: string, en: string][] }

export const DEFAULT_CATEGORIES: CategorySeed[] = [
  { code: '01', zh: '政治综合', en: 'Politics (general)' },
  { code: '02', zh: '经济综合', en: 'Economy (general)', children: [['0201', '企业改制', 'Enterprise restructuring'], ['0202', '非法集资', 'Illegal fund-raising']] },
  { code: '03', zh: '宣传舆论', en: 'Publicity and media' },
  { code: '04', zh: '纪检监察', en: 'Discipline inspection', children: [['0401', '干部作风', 'Conduct of officials'], ['0402', '涉财举报', 'Misuse of funds']] },
  { code: '05', zh: '政法', en: 'Politics and law', children: [['0501', '治安管理', 'Public order'], ['0502', '涉法涉诉', 'Litigation-related']] },
  { code: '06', zh: '劳动社保', en: 'Labour and social security', children: [['0601', '拖欠工资', 'Unpaid wages'], ['0602', '社会保险', 'Social insurance'], ['0603', '劳动关系', 'Labour relations']] },
  { code: '07', zh: '教育', en: 'Education' },
  { code: '08', zh: '卫生计生', en: 'Health and family planning' },
  { code: '09', zh: '科技文体', en: 'Science, culture and sport' },
  { code: '10', zh: '组织人事', en: 'Organisation and personnel' },
  { code: '11', zh: '交通能源环保', en: 'Transport, energy and environment', children: [['1101', '环境污染', 'Pollution'], ['1102', '交通出行', 'Transport']] },
  { code: '12', zh: '民政', en: 'Civil affairs', children: [['1201', '社会救助', 'Social assistance'], ['1202', '优抚安置', 'Veterans and resettlement']] },
  { code: '13', zh: '农村农业', en: 'Rural affairs and agriculture', children: [['1301', '土地承包', 'Land contracts'], ['1302', '村务公开', 'Village affairs']] },
  { code: '14', zh: '国土资源水利林业', en: 'Land, water and forestry', children: [['1401', '征地补偿', 'Land requisition compensation'], ['1402', '宅基地', 'Homesteads']] },
  { code: '15', zh: '城乡建设', en: 'Urban and rural construction', children: [['1501', '征地拆迁', 'Requisition and demolition'], ['1502', '房产证办理', 'Housing certificates'], ['1503', '物业管理', 'Property management']] },
  { code: '16', zh: '信息产业', en: 'Information industry' },
  { code: '17', zh: '商贸旅游', en: 'Trade and tourism' },
  { code: '99', zh: '其他', en: 'Other' },
];
