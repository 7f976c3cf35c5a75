// The province-like organisation tree of the generated data set: the demo county (with its logins)
// stays as installed, and the generator adds the other cities of the province and their counties,
// each with a government, a petition bureau, a discipline body, departments, townships and villages.
// Area codes follow GB/T 2260 (6 digits) and the 12-digit statistical extension below the county.

export interface GenOrg {
  id: number;
  parentId: number | null;
  name: string;
  level: 'province' | 'city' | 'county' | 'township' | 'village';
  kind: 'petition_bureau' | 'government' | 'department' | 'township' | 'village';
  areaCode: string;
  path: string;
  /** Competent category codes (归口办理). */
  categories: string[];
}

/** One county as the case generator sees it. */
export interface GenCounty {
  name: string;
  areaCode: string;
  gov: GenOrg;
  bureau: GenOrg;
  discipline: GenOrg;
  departments: GenOrg[];
  townships: { org: GenOrg; villages: GenOrg[] }[];
  city: GenOrg;
  cityBureau: GenOrg;
}

export const DEPARTMENT_TEMPLATES: [string, string[]][] = [
  ['人力资源和社会保障局', ['06', '0601', '0602', '0603', '10']],
  ['自然资源和规划局', ['14', '1401', '1402']],
  ['住房和城乡建设局', ['15', '1501', '1502', '1503']],
  ['生态环境分局', ['11', '1101']],
  ['教育局', ['07']],
  ['卫生健康局', ['08']],
  ['公安局', ['05', '0501']],
  ['民政局', ['12', '1201', '1202']],
  ['农业农村局', ['13', '1301', '1302']],
  ['市场监督管理局', ['02', '0201', '0202', '17']],
  ['交通运输局', ['1102']],
  ['司法局', ['0502']],
];
export const COUNTY_GOV_CATEGORIES = ['01', '03', '09', '16', '99'];
export const DISCIPLINE_CATEGORIES = ['04', '0401', '0402'];
export const TOWNSHIP_CATEGORIES = ['13', '1301', '1302', '1402', '12', '1201'];

// the other cities of the province (GB/T 2260 codes of Hebei); 邢台 (130500) is the demo city
const CITIES: [string, string][] = [
  ['石家庄市', '130100'], ['唐山市', '130200'], ['秦皇岛市', '130300'], ['邯郸市', '130400'], ['保定市', '130600'],
  ['张家口市', '130700'], ['承德市', '130800'], ['沧州市', '130900'], ['廊坊市', '131000'], ['衡水市', '131100'],
];
const COUNTY_NAMES = '安平宁晋临城内丘柏乡隆尧任泽南和巨鹿新河广宗平乡威县临西南宫沙河深泽赞皇无极平山元氏赵县辛集晋州新乐高邑行唐灵寿井陉正定栾城藁城鹿泉滦南乐亭迁西玉田遵化迁安昌黎抚宁卢龙青龙成安大名涉县磁县肥乡永年邱县鸡泽广平馆陶魏县曲周武安涞水阜平定兴唐县高阳容城涞源望都安新易县曲阳蠡县顺平博野雄县涿州安国高碑店';
const TOWN_NAMES = ['城关镇', '东关镇', '西关镇', '南营镇', '北台镇', '新庄镇', '大营镇', '孙庄乡', '李家庄乡', '马头镇', '河西镇', '桥东街道', '白庙乡', '王村镇', '高桥乡', '刘集镇'];
const VILLAGE_NAMES = ['东村', '西村', '南庄村', '北庄村', '前街村', '后街村', '王家村', '李家村', '张庄村', '赵庄村'];

export interface TreeShape { counties: number; townshipsPerCounty: number; villagesPerTownship: number }

/** How big the tree is for a data set of n cases: about 15,000 cases per generated county. */
export function treeShapeFor(cases: number): TreeShape {
  return { counties: Math.max(1, Math.min(150, Math.round(cases / 15_000))), townshipsPerCounty: 10, villagesPerTownship: 3 };
}

export interface DemoTreeInput {
  /** Installed demo organisations as read back from the database. */
  orgs: { id: number; parent_id: number | null; name: string; level: string; kind: string; area_code: string; path: string }[];
  /** Competent categories of the installed organisations. */
  orgCategories: Map<number, string[]>;
}

/** Builds the generated part of the tree with ids after the installed ones; returns every county. */
export function buildProvinceTree(demo: DemoTreeInput, shape: TreeShape): { added: GenOrg[]; counties: GenCounty[]; demoCounty: GenCounty } {
  let nextId = Math.max(...demo.orgs.map((o) => o.id)) + 1;
  const added: GenOrg[] = [];
  const asGen = (o: DemoTreeInput['orgs'][number]): GenOrg => ({
    id: o.id, parentId: o.parent_id, name: o.name, level: o.level as GenOrg['level'], kind: o.kind as GenOrg['kind'], areaCode: o.area_code,
    path: o.path, categories: demo.orgCategories.get(o.id) ?? [],
  });
  const add = (parent: GenOrg, name: string, level: GenOrg['level'], kind: GenOrg['kind'], areaCode: string, categories: string[] = []): GenOrg => {
    const id = nextId++;
    const o: GenOrg = { id, parentId: parent.id, name, level, kind, areaCode, path: `${parent.path}${id}/`, categories };
    added.push(o);
    return o;
  };
  const byKind = (level: string, kind: string) => demo.orgs.find((o) => o.level === level && o.kind === kind);
  const province = asGen(byKind('province', 'government')!);
  const demoCityGov = asGen(byKind('city', 'government')!);
  const demoCityBureau = asGen(byKind('city', 'petition_bureau')!);
  const demoCountyGov = asGen(byKind('county', 'government')!);
  const under = (p: GenOrg) => demo.orgs.filter((o) => o.parent_id === p.id).map(asGen);
  const demoChildren = under(demoCountyGov);
  const demoCounty: GenCounty = {
    name: demoCountyGov.name.replace('人民政府', ''), areaCode: demoCountyGov.areaCode, gov: demoCountyGov, city: demoCityGov, cityBureau: demoCityBureau,
    bureau: demoChildren.find((o) => o.kind === 'petition_bureau')!,
    discipline: demoChildren.find((o) => o.kind === 'government')!,
    departments: demoChildren.filter((o) => o.kind === 'department'),
    townships: demoChildren.filter((o) => o.kind === 'township').map((t) => ({ org: t, villages: under(t) })),
  };

  const counties: GenCounty[] = [demoCounty];
  const cityCount = Math.min(CITIES.length + 1, Math.max(1, Math.ceil(shape.counties / 6)));
  const cities: { gov: GenOrg; bureau: GenOrg; code: string; used: number }[] = [{ gov: demoCityGov, bureau: demoCityBureau, code: '130500', used: 34 }];
  for (const [name, code] of CITIES.slice(0, cityCount - 1)) {
    const gov = add(province, `${name}人民政府`, 'city', 'government', code, COUNTY_GOV_CATEGORIES);
    const bureau = add(gov, `${name}信访局`, 'city', 'petition_bureau', code);
    cities.push({ gov, bureau, code, used: 20 });
  }
  const countyNames = [...COUNTY_NAMES];
  for (let i = 0; i < shape.counties; i++) {
    const city = cities[i % cities.length]!;
    const code = `${city.code.slice(0, 4)}${String(++city.used).padStart(2, '0')}`;
    const name = `${countyNames[(2 * i) % countyNames.length]}${countyNames[(2 * i + 1) % countyNames.length]}${i >= countyNames.length / 2 ? i : ''}县`;
    const gov = add(city.gov, `${name}人民政府`, 'county', 'government', code, COUNTY_GOV_CATEGORIES);
    const bureau = add(gov, `${name}信访局`, 'county', 'petition_bureau', code);
    const discipline = add(gov, `${name}纪委监委`, 'county', 'government', code, DISCIPLINE_CATEGORIES);
    const departments = DEPARTMENT_TEMPLATES.map(([d, cats]) => add(gov, `${name}${d}`, 'county', 'department', code, cats));
    const townships = [];
    for (let t = 0; t < shape.townshipsPerCounty; t++) {
      const town9 = `${code}${100 + t}`;
      const org = add(gov, `${name}${TOWN_NAMES[t % TOWN_NAMES.length]}`, 'township', 'township', `${town9}000`, TOWNSHIP_CATEGORIES);
      const villages = [];
      for (let v = 0; v < shape.villagesPerTownship; v++) villages.push(add(org, `${VILLAGE_NAMES[(t + v) % VILLAGE_NAMES.length]}`, 'village', 'village', `${town9}${200 + v + 1}`));
      townships.push({ org, villages });
    }
    counties.push({ name, areaCode: code, gov, bureau, discipline, departments, townships, city: city.gov, cityBureau: city.bureau });
  }
  return { added, counties, demoCounty };
}
