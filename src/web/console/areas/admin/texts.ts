// The administration area's texts in both languages.
import type { Dict } from '../../i18n.tsx';

const zh = {
  title: '系统管理', orgs: '单位', users: '用户与角色', categories: '内容分类', calendar: '工作日历', limits: '办理时限', evaluation: '评价期限',
  save: '保存', cancel: '取消', add: '新增', edit: '编辑', saved: '已保存', active: '启用', inactive: '停用', status: '状态', actions: '操作', search: '搜索',
  addRoot: '新增顶级单位', addChild: '新增下级单位', orgName: '单位名称', level: '层级', kind: '类型', areaCode: '行政区划代码', competent: '归口办理的内容分类',
  parent: '上级单位', none: '无', selectOrg: '请在左侧选择一个单位', areaCodeHint: '6 位或 12 位数字', path: '路径',
  move: '调整隶属', moveTo: '调整到', moveHint: '该单位连同其下级单位调整到所选单位之下；其信访事项、接待日、矛盾纠纷和统计数据随之调整（各期统计按调整后的隶属关系计算）。行政区划代码如有变化，请在调整后另行修改。', moved: '已调整隶属：{orgs} 个单位，{cases} 件信访事项',
  addUser: '新增用户', username: '用户名', displayName: '姓名', role: '角色', org: '所在单位', password: '初始密码', locked: '已锁定',
  resetPassword: '重置密码', resetConfirm: '重置后该用户需用临时密码重新登录，并在登录后先设置自己的新密码，确定吗？', tempPassword: '临时密码（仅显示一次，请当面或通过安全渠道告知本人）',
  passwordHint: '至少 8 位；该用户首次登录时须改为自己的密码', mustChange: '待本人改密', close: '关闭', disable: '停用', enable: '启用',
  addCategory: '新增一级分类', addSubCategory: '新增子分类', code: '代码', nameZh: '中文名称', nameEn: '英文名称', sort: '排序', codeHint: '字母、数字、点、横线',
  year: '年份', holiday: '节假日', workday: '调休上班', normal: '正常', dayName: '名称（如 国庆节）', dayKind: '类型', calendarHelp: '点击日期设置节假日或调休上班日，再点“保存”。周末默认休息。',
  holidays: '节假日', workdays: '调休上班日', unsaved: '有未保存的修改', weekdays: '一,二,三,四,五,六,日', month: '月', reload: '放弃修改',
  limitsHelp: '默认值依据《信访工作条例》（2022），各地可按本地规定调整。', days: '天数', unit: '计算方式', calendarDays: '自然日', workingDays: '工作日',
  resetDefaults: '恢复默认值', extensionMaxDays: '延期最长天数', supervisionDefaultDays: '督办默认时限（天）',
  lRoute: '登记后转送、交办（第二十二条）', lAccept: '受理告知（第二十三条）', lObjection: '对转送交办事项提出异议（第二十三条）',
  lAnswer: '办理并出具处理意见（第三十四条）', lReviewRequest: '申请复查（第三十五条）', lReviewDecision: '复查决定（第三十五条）',
  lReReviewRequest: '申请复核（第三十六条）', lReReviewDecision: '复核决定（第三十六条）', lEvaluation: '满意度评价期限',
  evaluationHelp: '信访人收到处理意见（或复查、复核意见）后可在此期限内评价；期满未评价的记为“超期未评价”，计入参评率。',
  invalid: '输入有误',
};
export type AdminText = keyof typeof zh;

export const dict: Dict<AdminText> = {
  zh,
  en: {
    title: 'Administration', orgs: 'Organisations', users: 'Users and roles', categories: 'Categories', calendar: 'Working-day calendar', limits: 'Time limits', evaluation: 'Evaluation window',
    save: 'Save', cancel: 'Cancel', add: 'Add', edit: 'Edit', saved: 'Saved', active: 'Active', inactive: 'Disabled', status: 'Status', actions: 'Actions', search: 'Search',
    addRoot: 'Add top-level body', addChild: 'Add body below', orgName: 'Name', level: 'Level', kind: 'Kind', areaCode: 'Area code', competent: 'Competent for categories',
    parent: 'Parent', none: 'None', selectOrg: 'Select a body in the tree', areaCodeHint: '6 or 12 digits', path: 'Path',
    move: 'Move', moveTo: 'Move under', moveHint: 'The body and the bodies below it move under the body chosen; their cases, reception days, disputes and figures go with them (the figures of every period follow the new tree). If its area code changes, edit it after the move.', moved: 'Moved: {orgs} bodies, {cases} cases',
    addUser: 'Add user', username: 'User name', displayName: 'Name', role: 'Role', org: 'Organisation', password: 'Initial password', locked: 'Locked',
    resetPassword: 'Reset password', resetConfirm: 'The user will have to sign in again with a temporary password, then choose a password of their own. Continue?', tempPassword: 'Temporary password (shown once; hand it over in person or by a safe channel)',
    passwordHint: 'At least 8 characters; the user must replace it with their own at the first sign-in', mustChange: 'Password to change', close: 'Close', disable: 'Disable', enable: 'Enable',
    addCategory: 'Add top-level category', addSubCategory: 'Add sub-category', code: 'Code', nameZh: 'Chinese name', nameEn: 'English name', sort: 'Order', codeHint: 'Letters, digits, dots, dashes',
    year: 'Year', holiday: 'Holiday', workday: 'Make-up working day', normal: 'Normal', dayName: 'Name (e.g. National Day)', dayKind: 'Kind', calendarHelp: 'Click a day to make it a holiday or a make-up working day, then Save. Weekends are days off by default.',
    holidays: 'Holidays', workdays: 'Make-up working days', unsaved: 'Unsaved changes', weekdays: 'Mo,Tu,We,Th,Fr,Sa,Su', month: '', reload: 'Discard changes',
    limitsHelp: 'Defaults follow the Regulations on Petition Work (2022); localities may change them.', days: 'Days', unit: 'Counted in', calendarDays: 'calendar days', workingDays: 'working days',
    resetDefaults: 'Restore defaults', extensionMaxDays: 'Longest extension (days)', supervisionDefaultDays: 'Default supervision limit (days)',
    lRoute: 'Forward or assign after registration (Art 22)', lAccept: 'Accept or decline with notice (Art 23)', lObjection: 'Object to a forwarded matter (Art 23)',
    lAnswer: 'Handle and answer (Art 34)', lReviewRequest: 'Request review (Art 35)', lReviewDecision: 'Review decision (Art 35)',
    lReReviewRequest: 'Request re-review (Art 36)', lReReviewDecision: 'Re-review decision (Art 36)', lEvaluation: 'Evaluation window',
    evaluationHelp: 'After receiving an answer (or a review or re-review decision) the petitioner may rate it within this window; when it lapses unrated it counts as "window expired" in the participation rate.',
    invalid: 'Invalid input',
  },
};
