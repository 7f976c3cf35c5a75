// Reference data installed on a new database: the category tree, and for demos one county with its
// bureau, departments, townships and villages, plus a user for every role.
import type { Executor } from '../db/database.ts';
import { DEFAULT_CATEGORIES } from '../../shared/categories.ts';
import { insertCategory } from '../repositories/categories.ts';
import { insertOrg, setOrgCategories } from '../repositories/organisations.ts';
import { insertUser } from '../repositories/users.ts';
import { hashPassword } from '../services/sign-in.ts';

/** Installs the default category tree once; returns code -> id. */
export async function installCategories(db: Executor): Promise<Map<string, number>> {
  const existing = await db.selectFrom('categories').select(['id', 'code']).execute();
  const ids = new Map(existing.map((c) => [c.code, c.id]));
  if (existing.length) return ids;
  let sort = 0;
  for (const c of DEFAULT_CATEGORIES) {
    const row = await insertCategory(db, { parentId: null, code: c.code, nameZh: c.zh, nameEn: c.en, sort: sort++ });
    ids.set(c.code, row.id);
    for (const [code, zh, en] of c.children ?? []) ids.set(code, (await insertCategory(db, { parentId: row.id, code, nameZh: zh, nameEn: en, sort: sort++ })).id);
  }
  return ids;
}

export const DEMO_PASSWORD = 'Xinfang@2026';

export interface DemoOrgs {
  province: number; city: number; cityBureau: number; county: number; bureau: number; discipline: number;
  departments: { id: number; name: string; categories: string[] }[];
  townships: { id: number; name: string; villages: number[] }[];
  all: { id: number; name: string; kind: string; level: string; areaCode: string }[];
}

// [name, competent category codes]
const DEPARTMENTS: [string, string[]][] = [
  ['县人力资源和社会保障局', ['06', '0601', '0602', '0603', '10']],
  ['县自然资源和规划局', ['14', '1401', '1402']],
  ['县住房和城乡建设局', ['15', '1501', '1502', '1503']],
  ['市生态环境局清河分局', ['11', '1101']],
  ['县教育局', ['07']],
  ['县卫生健康局', ['08']],
  ['县公安局', ['05', '0501']],
  ['县民政局', ['12', '1201', '1202']],
  ['县农业农村局', ['13', '1301', '1302']],
  ['县市场监督管理局', ['02', '0201', '17']],
  ['县交通运输局', ['1102']],
];
const TOWNSHIPS: [string, string, string[]][] = [
  ['葛仙庄镇', '130534100', ['葛仙庄村', '西枣园村']],
  ['连庄镇', '130534101', ['连庄村', '东王庄村']],
  ['油坊镇', '130534102', ['油坊村', '南李村']],
  ['谢炉镇', '130534103', ['谢炉村', '北宋村']],
  ['王官庄镇', '130534104', ['王官庄村', '孙家庄村']],
  ['坝营镇', '130534105', ['坝营村', '前坝村']],
];

/** One county (清河县, 130534) under its city and province, with the bodies a bureau routes to. */
export async function installDemoOrgs(db: Executor, cat: Map<string, number>): Promise<DemoOrgs> {
  const all: DemoOrgs['all'] = [];
  const add = async (parentId: number | null, name: string, level: string, kind: string, areaCode: string, cats: string[] = []) => {
    const row = await insertOrg(db, { parentId, name, level, kind, areaCode });
    if (cats.length) await setOrgCategories(db, row.id, cats.map((c) => cat.get(c)!).filter(Boolean));
    all.push({ id: row.id, name, kind, level, areaCode });
    return row.id;
  };
  const province = await add(null, '河北省人民政府', 'province', 'government', '130000');
  await add(province, '河北省信访局', 'province', 'petition_bureau', '130000');
  const city = await add(province, '邢台市人民政府', 'city', 'government', '130500');
  const cityBureau = await add(city, '邢台市信访局', 'city', 'petition_bureau', '130500');
  const county = await add(city, '清河县人民政府', 'county', 'government', '130534', ['01', '03', '09', '16', '99']);
  const bureau = await add(county, '清河县信访局', 'county', 'petition_bureau', '130534');
  const discipline = await add(county, '县纪委监委', 'county', 'government', '130534', ['04', '0401', '0402']);
  const departments = [];
  for (const [name, cats] of DEPARTMENTS) departments.push({ id: await add(county, name, 'county', 'department', '130534', cats), name, categories: cats });
  const townships = [];
  for (const [name, code, villages] of TOWNSHIPS) {
    const id = await add(county, name, 'township', 'township', `${code}000`, ['13', '1301', '1302', '1402', '12', '1201']);
    const vs = [];
    for (const [i, v] of villages.entries()) vs.push(await add(id, v, 'village', 'village', `${code}${String(200 + i + 1).padStart(3, '0')}`));
    townships.push({ id, name, villages: vs });
  }
  return { province, city, cityBureau, county, bureau, discipline, departments, townships, all };
}

export interface DemoUser { username: string; displayName: string; role: string; orgId: number; note: string }

export function demoUsers(o: DemoOrgs): DemoUser[] {
  const t0 = o.townships[0]!;
  const hrss = o.departments[0]!;
  const housing = o.departments[2]!;
  return [
    { username: 'admin', displayName: '系统管理员', role: 'admin', orgId: o.bureau, note: '管理员 Administrator' },
    { username: 'clerk', displayName: '李登记', role: 'clerk', orgId: o.bureau, note: '县信访局登记员 Intake clerk, county bureau' },
    { username: 'supervisor', displayName: '王督办', role: 'supervisor', orgId: o.bureau, note: '县信访局督查 Supervisor, county bureau' },
    { username: 'bureau.head', displayName: '赵局长', role: 'leader', orgId: o.bureau, note: '县信访局局长 Head of the county bureau' },
    { username: 'leader', displayName: '陈副县长', role: 'leader', orgId: o.county, note: '县领导 County leader (包案, 批示, 接访)' },
    { username: 'county.handler', displayName: '孙承办', role: 'handler', orgId: o.county, note: '县政府承办人 (复查) County government handler (reviews)' },
    { username: 'hrss.handler', displayName: '周承办', role: 'handler', orgId: hrss.id, note: `${hrss.name}承办人 Handler` },
    { username: 'hrss.head', displayName: '吴局长', role: 'leader', orgId: hrss.id, note: `${hrss.name}局长 (批准延期) Head (approves extensions)` },
    { username: 'housing.handler', displayName: '郑承办', role: 'handler', orgId: housing.id, note: `${housing.name}承办人 Handler` },
    { username: 'town.handler', displayName: '冯承办', role: 'handler', orgId: t0.id, note: `${t0.name}承办人 Township handler` },
    { username: 'town.head', displayName: '褚镇长', role: 'leader', orgId: t0.id, note: `${t0.name}镇长 Township head` },
    { username: 'city.handler', displayName: '卫承办', role: 'handler', orgId: o.city, note: '市政府承办人 (复核) City handler (re-reviews)' },
    { username: 'city.clerk', displayName: '蒋登记', role: 'clerk', orgId: o.cityBureau, note: '市信访局登记员 City bureau clerk' },
  ];
}

/** Creates the demo users (all with DEMO_PASSWORD) and a handler and head for every other body. */
export async function installDemoUsers(db: Executor, o: DemoOrgs): Promise<DemoUser[]> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const users = demoUsers(o);
  for (const u of users) await insertUser(db, { orgId: u.orgId, username: u.username, displayName: u.displayName, role: u.role, passwordHash: hash });
  const has = (orgId: number, role: string) => users.some((u) => u.orgId === orgId && u.role === role);
  for (const org of o.all) {
    if (org.level === 'village' || org.level === 'province' || org.kind === 'petition_bureau') continue;
    if (!has(org.id, 'handler')) await insertUser(db, { orgId: org.id, username: `h${org.id}`, displayName: `${org.name}承办人`, role: 'handler', passwordHash: hash });
    if (!has(org.id, 'leader')) await insertUser(db, { orgId: org.id, username: `l${org.id}`, displayName: `${org.name}负责人`, role: 'leader', passwordHash: hash });
  }
  return users;
}
