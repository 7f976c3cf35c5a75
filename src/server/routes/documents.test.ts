// Printable documents through the real app: each document once its step is reached, a 4xx before,
// the case-view policy and accusation secrecy, audit of personal data, and the PDF itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type Client } from '../test/harness.ts';
import { buildRegistration, orgId } from '../test/factories.ts';

let t: TestApp;
let clerk: Client;
beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  clerk = await t.as('clerk');
});
afterAll(async () => t.close());

const day = (iso: string) => t.clock.set(new Date(`${iso}T10:00:00+08:00`));
async function register(body: Record<string, unknown> = {}) {
  const res = await clerk.post('/api/v1/cases', await buildRegistration(t, body));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { caseId: number; caseNo: string; queryCode: string };
}
async function ok(who: string, caseId: number, action: string, body: object = {}) {
  const c = await t.as(who);
  const cur = (await c.get(`/api/v1/cases/${caseId}`)).json() as { version: number };
  const res = await c.post(`/api/v1/cases/${caseId}/${action}`, { version: cur.version, ...body });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
}
const doc = (c: Client, caseId: number, type: string) => c.get(`/api/v1/cases/${caseId}/documents/${type}`);
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
const audits = async (caseId: number) => t.ctx.db.selectFrom('audit_log').select(['action', 'detail']).where('case_id', '=', caseId).where('action', 'like', 'document.%').execute();

describe('documents of a case through its life', () => {
  let caseId: number;
  let caseNo: string;
  let queryCode: string;

  it('refuses a document the case has not reached, with its own code', async () => {
    day('2026-03-02');
    ({ caseId, caseNo, queryCode } = await register({ channel: 'visit', petitioner: { name: '刘桂兰', idNumber: '11010519491231002X', mobile: '13912345678' } }));
    const res = await doc(clerk, caseId, 'accept-notice');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DOCUMENT_NOT_AVAILABLE');
    const pdf = await clerk.get(`/api/v1/cases/${caseId}/documents/opinion/pdf`);
    expect(pdf.statusCode).toBe(409);
    expect(pdf.json().error.code).toBe('DOCUMENT_NOT_AVAILABLE');
  });

  it('issues the acceptance notice from the accepting body, numbered, addressed to the petitioner, and audits it', async () => {
    await ok('clerk', caseId, 'forward', { targetOrgId: await orgId(t, '县人力资源和社会保障局') });
    day('2026-03-05');
    await ok('hrss.handler', caseId, 'accept');
    const res = await doc(await t.as('hrss.handler'), caseId, 'accept-notice');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.issuer).toBe('县人力资源和社会保障局');
    expect(d.number).toBe('信受〔2026〕1号');
    expect(d.addressee).toBe('刘桂兰：');
    expect(d.caseNo).toBe(caseNo);
    expect(d.date).toBe('2026-03-05');
    expect(d.dateText).toBe('二〇二六年三月五日');
    expect(d.paragraphs.join('')).toContain(queryCode);
    expect(await audits(caseId)).toEqual([{ action: 'document.json', detail: { type: 'accept-notice', number: '信受〔2026〕1号' } }]);
  });

  it('the next acceptance by the same body in the year takes the next number', async () => {
    const other = await register();
    await ok('clerk', other.caseId, 'forward', { targetOrgId: await orgId(t, '县人力资源和社会保障局') });
    await ok('hrss.handler', other.caseId, 'accept');
    expect((await doc(clerk, other.caseId, 'accept-notice')).json().number).toBe('信受〔2026〕2号');
    expect((await doc(clerk, caseId, 'accept-notice')).json().number).toBe('信受〔2026〕1号');
  });

  it('issues the extension notice with the new due date, then the opinion with the review body', async () => {
    expect((await doc(clerk, caseId, 'extension-notice')).json().error.code).toBe('DOCUMENT_NOT_AVAILABLE');
    day('2026-04-20');
    await ok('hrss.handler', caseId, 'request-extension', { days: 30, reason: '需要调取多年社保缴费记录' });
    expect((await doc(clerk, caseId, 'extension-notice')).statusCode).toBe(409); // requested, not yet approved
    await ok('hrss.head', caseId, 'approve-extension');
    const ext = (await doc(clerk, caseId, 'extension-notice')).json();
    expect(ext.paragraphs.join('')).toContain('延长30日，至2026年6月3日前办结');

    day('2026-05-20');
    await ok('hrss.handler', caseId, 'answer', { outcome: 'not_upheld', text: '经核实，不符合补缴条件。' });
    await ok('supervisor', caseId, 'send-back', { reason: '未回应主要诉求' });
    expect((await doc(clerk, caseId, 'opinion')).json().error.code).toBe('DOCUMENT_NOT_AVAILABLE'); // sent back: no opinion stands
    await ok('hrss.handler', caseId, 'answer', { outcome: 'upheld', text: '经核实，责成用人单位补缴社会保险。' });
    const op = (await doc(clerk, caseId, 'opinion')).json();
    expect(op.issuer).toBe('县人力资源和社会保障局');
    expect(op.number).toBe('信处〔2026〕2号'); // the body's second answer this year (the first was sent back)
    expect(op.paragraphs.join('')).toContain('责成用人单位补缴社会保险');
    expect(op.paragraphs.at(-1)).toContain('30日内，向清河县人民政府书面提出复查申请');
  });

  it('issues review and re-review opinions from the bodies one level up', async () => {
    await ok('hrss.handler', caseId, 'deliver');
    day('2026-06-10');
    await ok('clerk', caseId, 'request-review', { reason: '补缴年限计算有误' });
    expect((await doc(clerk, caseId, 'review-opinion')).statusCode).toBe(409);
    day('2026-07-10');
    await ok('county.handler', caseId, 'decide-review', { outcome: 'maintained', text: '经复查，维持原处理意见。' });
    const r = (await doc(clerk, caseId, 'review-opinion')).json();
    expect(r.issuer).toBe('清河县人民政府');
    expect(r.paragraphs.join('')).toContain('于2026年6月10日向本机关提出复查申请');
    expect(r.paragraphs.join('')).toContain('向邢台市人民政府书面提出复核请求');
    day('2026-07-20');
    await ok('clerk', caseId, 'request-re-review', { reason: '不服复查意见' });
    day('2026-08-10');
    await ok('city.handler', caseId, 'decide-re-review', { outcome: 'maintained', text: '经复核，维持复查意见。' });
    const rr = (await doc(await t.as('city.handler'), caseId, 'rereview-opinion')).json();
    expect(rr.issuer).toBe('邢台市人民政府');
    expect(rr.paragraphs.join('')).toContain('本复核意见为终结意见');
  });

  it('sends the PDF: A4, one page, the right content type, audited', async () => {
    const res = await clerk.get(`/api/v1/cases/${caseId}/documents/opinion/pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain(`opinion-${caseNo}.pdf`);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    expect(res.headers['x-page-count']).toBe('1');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(pdf.toString('latin1')).toMatch(/NotoS(erif|ans)CJKsc/);
    expect((await audits(caseId)).some((a) => a.action === 'document.pdf')).toBe(true);
  });
});

describe('other documents and who may see them', () => {
  it('runs a long opinion onto several pages and counts them', async () => {
    day('2026-03-02');
    const c = await register();
    await ok('clerk', c.caseId, 'forward', { targetOrgId: await orgId(t, '县人力资源和社会保障局') });
    await ok('hrss.handler', c.caseId, 'accept');
    await ok('hrss.handler', c.caseId, 'answer', { outcome: 'explained', text: '经调查核实，相关政策规定如下。'.repeat(160) });
    const res = await clerk.get(`/api/v1/cases/${c.caseId}/documents/opinion/pdf`);
    expect(res.statusCode).toBe(200);
    const pages = pageCount(res.rawPayload);
    expect(pages).toBeGreaterThan(1);
    expect(res.headers['x-page-count']).toBe(String(pages));
  });

  it('issues the decline notice with the reason and the proper channel', async () => {
    const c = await register();
    await ok('clerk', c.caseId, 'decline', { reason: '不属于信访事项', properChannel: '向县教育局申请' });
    const d = (await doc(clerk, c.caseId, 'decline-notice')).json();
    expect(d.issuer).toBe('清河县信访局');
    expect(d.paragraphs.join('')).toContain('不属于信访事项');
    expect(d.paragraphs.join('')).toContain('县教育局申请');
  });

  it('issues the supervision notice to the body supervised, without personal data and without an audit entry', async () => {
    const c = await register();
    await ok('clerk', c.caseId, 'forward', { targetOrgId: await orgId(t, '县人力资源和社会保障局') });
    await ok('supervisor', c.caseId, 'supervise', { text: '请加快办理并及时答复', dueOn: '2026-03-20' });
    const res = await doc(await t.as('supervisor'), c.caseId, 'supervision-notice');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.addressee).toBe('县人力资源和社会保障局：');
    expect(d.issuer).toBe('清河县信访局');
    expect(d.number).toMatch(/^信督〔2026〕\d+号$/);
    expect(d.hasPersonalData).toBe(false);
    expect(await audits(c.caseId)).toEqual([]);
    const missing = await t.as('supervisor').then((s) => s.get(`/api/v1/cases/${c.caseId}/documents/supervision-notice?noticeId=999999`));
    expect(missing.json().error.code).toBe('DOCUMENT_NOTICE_NOT_FOUND');
  });

  it('issues the forwarding and assignment sheets to the receiving body; a routing objected to no longer stands', async () => {
    day('2026-03-06');
    const c = await register({ petitioner: { name: '赵淑珍', idNumber: '130534196001011236', mobile: '13912345699' } });
    expect((await doc(clerk, c.caseId, 'forward-sheet')).json().error.code).toBe('DOCUMENT_NOT_AVAILABLE');
    const hrss = await orgId(t, '县人力资源和社会保障局');
    await ok('clerk', c.caseId, 'forward', { targetOrgId: hrss, coOrgIds: [await orgId(t, '县住房和城乡建设局')], note: '请重点核实拖欠工资数额。' });
    const res = await doc(clerk, c.caseId, 'forward-sheet');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.title).toBe('信访事项转送单');
    expect(d.issuer).toBe('清河县信访局');
    expect(d.addressee).toBe('县人力资源和社会保障局：');
    expect(d.number).toMatch(/^信转〔2026〕\d+号$/);
    expect(d.fields).toEqual(expect.arrayContaining([
      { label: '信访人', value: '赵淑珍' }, { label: '协办单位', value: '县住房和城乡建设局' }, { label: '转送单位', value: '清河县信访局' },
    ]));
    const text = d.paragraphs.join('');
    expect(text).toContain('自收到之日起15日内决定是否受理'); // Art 23
    expect(text).toContain('5个工作日内向清河县信访局提出异议');
    expect(text).toContain('县住房和城乡建设局协同办理'); // Art 24
    expect(text).toContain('转送意见：请重点核实拖欠工资数额。');
    expect(text).not.toContain('检举控告');
    expect(d.hasPersonalData).toBe(true);
    expect(await audits(c.caseId)).toEqual([{ action: 'document.json', detail: { type: 'forward-sheet', number: d.number } }]);
    // the receiving body reads the paper sent to it; it is not an assignment
    expect((await doc(await t.as('hrss.handler'), c.caseId, 'forward-sheet')).statusCode).toBe(200);
    expect((await doc(clerk, c.caseId, 'assign-sheet')).json().error.code).toBe('DOCUMENT_NOT_AVAILABLE');
    // the receiver objects (Art 23): the forwarding no longer stands; the bureau assigns it elsewhere
    await ok('hrss.handler', c.caseId, 'object', { reason: '该事项不属于本单位职责范围' });
    expect((await doc(clerk, c.caseId, 'forward-sheet')).json().error.code).toBe('DOCUMENT_NOT_AVAILABLE');
    await ok('clerk', c.caseId, 'assign', { targetOrgId: await orgId(t, '县住房和城乡建设局') });
    const a = (await doc(clerk, c.caseId, 'assign-sheet')).json();
    expect(a.title).toBe('信访事项交办单');
    expect(a.addressee).toBe('县住房和城乡建设局：');
    expect(a.number).toMatch(/^信交〔2026〕\d+号$/);
    expect(a.paragraphs.join('')).toContain('并将办理结果报送清河县信访局');
    expect((await doc(clerk, c.caseId, 'forward-sheet')).json().error.code).toBe('DOCUMENT_NOT_AVAILABLE');
    // never the petitioner's: the portal has no such document
    expect((await t.anonymous.get('/api/v1/portal/case/official-documents/assign-sheet')).statusCode).toBe(400);
  });

  it('tells the body an accusation is forwarded to to keep it from the accused (Art 30)', async () => {
    const c = await register({ kind: 'accusation', accusedOrgId: await orgId(t, '葛仙庄镇'), accusedName: '某村干部' });
    await ok('clerk', c.caseId, 'forward', { targetOrgId: await orgId(t, '县纪委监委') });
    const d = (await doc(clerk, c.caseId, 'forward-sheet')).json();
    expect(d.addressee).toBe('县纪委监委：');
    expect(d.paragraphs.join('')).toContain('不得将检举控告材料及检举控告人的情况透露或者转送给被检举控告的人员和单位');
    // the accused body never gets it
    expect((await doc(await t.as('town.handler'), c.caseId, 'forward-sheet')).statusCode).toBe(403);
  });

  it('applies the case-view policy: other bodies, administrators and unknown types are refused', async () => {
    const c = await register();
    await ok('clerk', c.caseId, 'forward', { targetOrgId: await orgId(t, '县人力资源和社会保障局') });
    await ok('hrss.handler', c.caseId, 'accept');
    const town = await doc(await t.as('town.handler'), c.caseId, 'accept-notice');
    expect(town.statusCode).toBe(403);
    expect(town.json().error.code).toBe('OUT_OF_SCOPE');
    expect((await doc(await t.as('admin'), c.caseId, 'accept-notice')).json().error.code).toBe('ROLE_NOT_ALLOWED');
    expect((await doc(t.anonymous, c.caseId, 'accept-notice')).statusCode).toBe(401);
    const bad = await doc(clerk, c.caseId, 'birthday-card');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect((await doc(clerk, 99999999, 'accept-notice')).json().error.code).toBe('CASE_NOT_FOUND');
    expect(await audits(c.caseId)).toEqual([]);
  });

  it('never gives the accused body an accusation\'s documents (Art 30)', async () => {
    const c = await register({ kind: 'accusation', accusedOrgId: await orgId(t, '清河县人民政府'), accusedName: '某工作人员' });
    // the county bureau sits under the accused county government, so the city bureau declines it
    await ok('city.clerk', c.caseId, 'decline', { reason: '材料不全', properChannel: '向市纪委监委反映' });
    const res = await doc(await t.as('county.handler'), c.caseId, 'decline-notice');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('DOCUMENT_ACCUSED_BODY');
    expect(res.body).not.toContain('测试人');
    const pdf = await (await t.as('county.handler')).get(`/api/v1/cases/${c.caseId}/documents/decline-notice/pdf`);
    expect(pdf.statusCode).toBe(403);
    expect((await doc(clerk, c.caseId, 'decline-notice')).json().error.code).toBe('DOCUMENT_ACCUSED_BODY');
    const city = await doc(await t.as('city.clerk'), c.caseId, 'decline-notice');
    expect(city.statusCode).toBe(200);
    expect(city.json().issuer).toBe('邢台市信访局');
  });
});

describe('the petitioner\'s own notices and opinions on the portal', () => {
  const portal = (url: string, o: { cookie?: string; body?: object; method?: 'GET' | 'POST' } = {}) => t.app.inject({
    method: o.method ?? 'GET', url: `/api/v1/portal${url}`, ...(o.cookie && { headers: { cookie: o.cookie } }), ...(o.body && { payload: o.body }),
  });
  async function session(queryCode: string, last4: string) {
    const res = await portal('/lookup', { method: 'POST', body: { queryCode, last4 } });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.cookies.find((k) => k.name === 'xf_portal')!;
    return `xf_portal=${c.value}`;
  }
  const offered = async (cookie: string) => ((await portal('/case', { cookie })).json() as { officialDocuments: { type: string; on: string }[] }).officialDocuments;
  const portalAudits = async (caseId: number) => t.ctx.db.selectFrom('audit_log').select(['action', 'actor_kind', 'detail'])
    .where('case_id', '=', caseId).where('action', '=', 'document.pdf').orderBy('id').execute();

  it('offers each document once it is the petitioner\'s: the opinion only once delivered, never the 督办单', async () => {
    day('2026-03-02');
    const c = await register({ petitioner: { name: '王秀英', idNumber: '11010519491231002X', mobile: '13912340001' } });
    let cookie = await session(c.queryCode, '0001');
    expect(await offered(cookie)).toEqual([]);
    const early = await portal('/case/official-documents/accept-notice', { cookie });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('DOCUMENT_NOT_AVAILABLE');

    await ok('clerk', c.caseId, 'forward', { targetOrgId: await orgId(t, '县人力资源和社会保障局') });
    day('2026-03-04');
    await ok('hrss.handler', c.caseId, 'accept');
    await ok('supervisor', c.caseId, 'supervise', { text: '请加快办理', dueOn: '2026-03-20' });
    day('2026-03-20');
    await ok('hrss.handler', c.caseId, 'answer', { outcome: 'upheld', text: '经核实，责成用人单位补发工资。' });
    cookie = await session(c.queryCode, '0001'); // a look-up lasts 30 minutes
    expect(await offered(cookie)).toEqual([{ type: 'accept-notice', on: '2026-03-04' }]);
    expect((await portal('/case/official-documents/opinion', { cookie })).json().error.code).toBe('DOCUMENT_NOT_AVAILABLE');
    const internal = await portal('/case/official-documents/supervision-notice', { cookie });
    expect(internal.statusCode).toBe(400);
    expect(internal.json().error.code).toBe('VALIDATION_FAILED');

    day('2026-03-23');
    await ok('hrss.handler', c.caseId, 'deliver');
    cookie = await session(c.queryCode, '0001');
    expect(await offered(cookie)).toEqual([{ type: 'accept-notice', on: '2026-03-04' }, { type: 'opinion', on: '2026-03-23' }]);
    const res = await portal('/case/official-documents/opinion', { cookie });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain(`opinion-${c.caseNo}.pdf`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.headers['x-page-count']).toBe('1');
    // the same document the console prints, with the same number
    expect((await portal('/case/official-documents/accept-notice', { cookie })).statusCode).toBe(200);
    expect(await portalAudits(c.caseId)).toEqual([
      { action: 'document.pdf', actor_kind: 'petitioner', detail: { type: 'opinion', number: (await doc(clerk, c.caseId, 'opinion')).json().number } },
      { action: 'document.pdf', actor_kind: 'petitioner', detail: { type: 'accept-notice', number: (await doc(clerk, c.caseId, 'accept-notice')).json().number } },
    ]);
  });

  it('tells the petitioner how to follow the matter in the acceptance notice only when they can', async () => {
    day('2026-03-02');
    const withMobile = await register({ petitioner: { name: '赵建国', idNumber: null, mobile: '13912340002' } });
    const without = await register({ petitioner: { name: '孙丽', idNumber: null, mobile: null } });
    for (const c of [withMobile, without]) {
      await ok('clerk', c.caseId, 'forward', { targetOrgId: await orgId(t, '县人力资源和社会保障局') });
      await ok('hrss.handler', c.caseId, 'accept');
    }
    const text = (await doc(clerk, withMobile.caseId, 'accept-notice')).json().paragraphs.join('');
    expect(text).toContain(`凭查询码 ${withMobile.queryCode} 和手机号码或者身份证号码的后四位`);
    expect((await doc(clerk, without.caseId, 'accept-notice')).json().paragraphs.join('')).not.toContain(without.queryCode);
  });

  it('gives nothing without a look-up, and only the session\'s own case', async () => {
    const none = await portal('/case/official-documents/accept-notice');
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('PORTAL_SESSION_EXPIRED');
    const bad = await portal('/case/official-documents/accept-notice', { cookie: 'xf_portal=forged' });
    expect(bad.statusCode).toBe(401);
  });
});
