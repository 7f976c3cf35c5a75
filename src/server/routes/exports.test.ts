// Exports through the HTTP API: a table to .xlsx, the statistical report and the bulletin as jobs,
// each file read back (exceljs; the .docx unzipped) and compared with the figures engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { startTestApp, type TestApp, type Client } from '../test/harness.ts';
import { buildRegistration, orgId } from '../test/factories.ts';
import { loadActor } from '../policies/scope.ts';
import { computeFigures } from '../services/compute-figures.ts';
import { REPORT_SHEET_NAMES, COUNT_ROWS, RATE_ROWS } from '../stats/exports/report-sheets.ts';
import { FIGURE_LABELS } from '../../shared/figure-labels.ts';

let t: TestApp;
let clerk: Client;
let leader: Client;
const caseIds: number[] = [];
beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  clerk = await t.as('clerk');
  leader = await t.as('bureau.head');
  // a small known March: 3 letters and a collective visit of 8
  for (const body of [{}, {}, {}, { channel: 'visit', headcount: 8 }]) {
    const res = await clerk.post('/api/v1/cases', await buildRegistration(t, body));
    expect(res.statusCode, res.body).toBe(201);
    caseIds.push(res.json().caseId);
  }
  // one letter accepted by the department, one declined: 受理率 1/2; nothing concluded: 办结率 0/1
  t.clock.set('2026-03-05T10:00:00+08:00');
  const act = async (who: string, id: number, action: string, body: object = {}) => {
    const c = await t.as(who);
    const cur = (await c.get(`/api/v1/cases/${id}`)).json() as { version: number };
    const res = await c.post(`/api/v1/cases/${id}/${action}`, { version: cur.version, ...body });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  };
  await act('clerk', caseIds[0]!, 'forward', { targetOrgId: await orgId(t, '县人力资源和社会保障局') });
  await act('hrss.handler', caseIds[0]!, 'accept');
  await act('clerk', caseIds[1]!, 'decline', { reason: '不属于信访事项', properChannel: '向人民法院起诉' });
  t.clock.set('2026-03-20T10:00:00+08:00');
  // the township's March screening: two disputes, one resolved
  const town = await t.as('town.handler');
  const ids: number[] = [];
  for (const summary of ['邻里排水纠纷', '土地承包纠纷']) {
    const res = await town.post('/api/v1/disputes', { period: '2026-03', areaCode: '130534100201', partiesCount: 2, summary, type: 'neighbour', riskLevel: 'low', responsiblePerson: '调解主任' });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().id);
  }
  const resolved = await town.post(`/api/v1/disputes/${ids[0]}/resolution`, { version: 1, resolution: 'resolved', note: '调解成功' });
  expect(resolved.statusCode, resolved.body).toBe(200);
});
afterAll(async () => t.close());

async function readXlsx(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

async function waitForJob(c: Client, id: number) {
  for (let i = 0; i < 300; i++) {
    const res = await c.get(`/api/v1/exports/jobs/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const j = res.json();
    if (j.status === 'done' || j.status === 'failed') return j;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

describe('any table to Excel', () => {
  it('writes Chinese sheet names, a styled frozen header and typed cells', async () => {
    const res = await leader.post('/api/v1/exports/table', {
      title: '责任单位排名',
      sheets: [{
        name: '按期办结率排名',
        columns: [{ header: '单位' }, { header: '答复件数', kind: 'integer' }, { header: '按期办结率', kind: 'percent' }, { header: '日期', kind: 'date' }],
        rows: [['县人社局', 12, 0.9167, '2026-03-01'], ['县住建局', 3, null, null]],
      }, { name: '说明', columns: [{ header: '项目' }], rows: [['口径见统计说明']] }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('责任单位排名.xlsx'));
    const wb = await readXlsx(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按期办结率排名', '说明']);
    const ws = wb.getWorksheet('按期办结率排名')!;
    expect(ws.getRow(1).values).toEqual([undefined, '单位', '答复件数', '按期办结率', '日期']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B2').value).toBe(12);
    expect(ws.getCell('C2').value).toBe(0.9167);
    expect(ws.getCell('C2').numFmt).toBe('0.0%');
    expect(ws.getCell('C3').value).toBeNull();
    expect(ws.getCell('D2').value).toBeInstanceOf(Date);
  });

  it('refuses bad sheet names, ragged rows and anonymous callers', async () => {
    const sheet = (name: string, rows: unknown[][] = [['a']]) => ({ title: 't', sheets: [{ name, columns: [{ header: 'h' }], rows }] });
    for (const name of ['a/b', '表[1]', 'x'.repeat(32), "'quoted'"]) {
      const res = await leader.post('/api/v1/exports/table', sheet(name));
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error.code, name).toBe('EXPORT_BAD_SHEET_NAME');
    }
    const dup = await leader.post('/api/v1/exports/table', { title: 't', sheets: [sheet('同名').sheets[0], sheet('同名').sheets[0]] });
    expect(dup.json().error.code).toBe('EXPORT_BAD_SHEET_NAME');
    const ragged = await leader.post('/api/v1/exports/table', sheet('表', [['a', 'b']]));
    expect(ragged.json().error.code).toBe('VALIDATION_FAILED');
    const badCell = await leader.post('/api/v1/exports/table', sheet('表', [[{ x: 1 }]]));
    expect(badCell.json().error.code).toBe('VALIDATION_FAILED');
    expect((await t.anonymous.post('/api/v1/exports/table', sheet('表'))).statusCode).toBe(401);
  });
});

describe('the statistical report', () => {
  it('runs as a job and its sheets carry the engine\'s figures', async () => {
    const query = { period: 'month', from: '2026-03-01' };
    const queued = await leader.post('/api/v1/exports/report', { query });
    expect(queued.statusCode, queued.body).toBe(202);
    expect(['queued', 'running', 'done']).toContain(queued.json().status);
    const job = await waitForJob(leader, queued.json().id);
    expect(job.status, JSON.stringify(job)).toBe('done');
    expect(job.filename).toBe('清河县人民政府2026年3月信访情况统计表.xlsx');
    const file = await leader.get(job.downloadUrl.replace('/api/v1', '/api/v1'));
    expect(file.statusCode).toBe(200);
    const wb = await readXlsx(file.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...REPORT_SHEET_NAMES]);

    const actor = await loadActor(t.ctx.db, { username: 'bureau.head' });
    const f = await computeFigures(t.ctx, actor, { period: 'month', from: '2026-03-01' });
    expect(f.figures.submissions.value).toBe(4);
    expect(f.figures.headcount.value).toBe(11);
    const totals = wb.getWorksheet('信访总量')!;
    expect(totals.getRow(1).values).toEqual([undefined, '指标', '本期', '上年同期', '同比', '上期', '环比']);
    COUNT_ROWS.forEach((k, i) => {
      const row = totals.getRow(i + 2);
      expect(row.getCell(1).value).toBe(FIGURE_LABELS[k][0]);
      expect(row.getCell(2).value ?? null, k).toBe(f.figures[k].value);
    });
    const channels = wb.getWorksheet('按渠道')!;
    const byChannel = new Map<string, unknown>();
    channels.eachRow((r, n) => { if (n > 1) byChannel.set(String(r.getCell(1).value), r.getCell(2).value); });
    expect(byChannel.get('来信')).toBe(3);
    expect(byChannel.get('来访')).toBe(1);
    const rates = wb.getWorksheet('办理质效')!;
    expect(rates.getCell('B2').numFmt).toBe('0.0%');
    expect(f.figures).toMatchObject({ accepted: { value: 1 }, acceptanceRate: { value: 0.5 }, concluded: { value: 0 }, completionRate: { value: 0 } });
    RATE_ROWS.forEach((k, i) => {
      const row = rates.getRow(i + 2);
      expect(row.getCell(1).value).toBe(FIGURE_LABELS[k][0]);
      expect(row.getCell(2).value ?? null, k).toBe(f.figures[k].value);
    });
    const rateNames = RATE_ROWS.map((k) => FIGURE_LABELS[k][0]);
    expect(rateNames).toEqual(expect.arrayContaining(['受理率', '及时受理率', '办结率', '按期办结率']));
    const definitions = new Map<string, unknown>();
    wb.getWorksheet('统计口径')!.eachRow((r) => definitions.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(definitions.get('受理率口径')).toContain('不予受理');
    expect(definitions.get('办结率口径')).toContain('本期受理');
    // made on 20 March, the month still running: counted, and compared, up to that day
    expect(definitions.get('统计期间')).toBe('2026年3月（2026-03-01 至 2026-03-31，统计截至 2026-03-20）');
    expect(definitions.get('上年同期')).toBe('2025-03-01 至 2025-03-20');
    expect(definitions.get('上期')).toBe('2026-02-01 至 2026-02-20');
    const disputes = wb.getWorksheet('矛盾纠纷化解')!;
    expect(disputes.getRow(2).values).toEqual([undefined, '葛仙庄镇', 2, 1, 0, 0, 1, 0.5]);
    expect(disputes.getRow(3).getCell(1).value).toBe('合计');
  });

  it('refuses a body outside the user\'s scope before queueing, and hides jobs from other users', async () => {
    const town = await t.as('town.handler');
    const res = await town.post('/api/v1/exports/report', { query: { period: 'month', from: '2026-03-01', orgId: await orgId(t, '清河县人民政府') } });
    expect(res.statusCode).toBe(403);
    const bad = await leader.post('/api/v1/exports/report', { query: { period: 'fortnight', from: '2026-03-01' } });
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const mine = await leader.post('/api/v1/exports/report', { query: { period: 'year', from: '2026-01-01' } });
    const other = await town.get(`/api/v1/exports/jobs/${mine.json().id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('EXPORT_JOB_NOT_FOUND');
    expect((await town.get(`/api/v1/exports/jobs/${mine.json().id}/file`)).json().error.code).toBe('EXPORT_JOB_NOT_FOUND');
    await waitForJob(leader, mine.json().id);
  });
});

describe('job lifecycle', () => {
  it('is not ready while running, revives a job a stopped process left, and reports a failure', async () => {
    const actor = await loadActor(t.ctx.db, { username: 'bureau.head' });
    const row = await t.ctx.db.insertInto('export_jobs').values({
      kind: 'no-such-kind', params: '{}', requested_by: actor.userId, status: 'running', created_at: t.clock.now(), started_at: t.clock.now(), attempts: 1,
    }).returning('id').executeTakeFirstOrThrow();
    const early = await leader.get(`/api/v1/exports/jobs/${row.id}/file`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('EXPORT_NOT_READY');
    expect((await leader.get(`/api/v1/exports/jobs/${row.id}`)).json().status).toBe('running');
    t.clock.advanceMs(11 * 60_000); // the process that held it is gone
    const j = await waitForJob(leader, row.id);
    expect(j).toMatchObject({ status: 'failed', errorCode: 'EXPORT_FAILED', downloadUrl: null });
    const failed = await leader.get(`/api/v1/exports/jobs/${row.id}/file`);
    expect(failed.json().error.code).toBe('EXPORT_FAILED');
  });
});

describe('the bulletin', () => {
  it('writes the title block, the summary from the figures, charts and the selected cases', async () => {
    const res = await leader.post('/api/v1/exports/bulletin', {
      query: { period: 'month', from: '2026-03-01' }, issueNo: 3, issuedOn: '2026-03-20', caseIds: [caseIds[3]],
    });
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(leader, res.json().id);
    expect(job.status, JSON.stringify(job)).toBe('done');
    expect(job.filename).toBe('信访简报第3期（2026年3月）.docx');
    const file = await leader.get(job.downloadUrl);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(file.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('信访简报');
    expect(text).toContain('第3期');
    expect(text).toContain('清河县信访局');
    expect(text).toContain('2026年3月20日');
    // made on 20 March: the month is counted, and compared, up to that day
    expect(text).toContain('2026年3月（截至3月20日），清河县人民政府及所属单位本月共受理群众来信来访 4 批 11 人次');
    expect(text).toContain('其中来信 3 件，来访 1 批 8 人次');
    expect(text).toContain('集体访 1 批 8 人次');
    expect(text).toContain('受理信访事项 1 件，受理率 50.0%');
    expect(text).toContain('受理信访事项 1 件，受理率 50.0%，及时受理率 50.0%，已办结 0 件，办结率 0.0%；本期办结 0 件，按期办结率');
    // the key figures table lists both rates (value, last year's, 同比)
    expect(text).toContain('受理率50.0%—');
    expect(text).toContain('办结率0.0%—');
    expect(text).toContain('反映建筑工地拖欠农民工工资问题'); // the selected case
    expect(text).toContain('共排查矛盾纠纷 2 件，已化解 1 件，化解率 50.0%');
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    expect(media.length).toBeGreaterThanOrEqual(2); // trend, channels, hot categories
    const png = await zip.file(media[0]!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('keeps accusations out and checks the cases are in scope', async () => {
    const acc = await clerk.post('/api/v1/cases', await buildRegistration(t, { kind: 'accusation', accusedName: '某村干部', categoryId: undefined }).then(async (b) => ({ ...b, categoryId: (await t.ctx.db.selectFrom('categories').select('id').where('code', '=', '04').executeTakeFirstOrThrow()).id })));
    expect(acc.statusCode, acc.body).toBe(201);
    const res = await leader.post('/api/v1/exports/bulletin', { query: { period: 'month', from: '2026-03-01' }, issueNo: 4, caseIds: [acc.json().caseId] });
    expect(res.statusCode).toBe(403);
    const missing = await leader.post('/api/v1/exports/bulletin', { query: { period: 'month', from: '2026-03-01' }, issueNo: 4, caseIds: [99999] });
    expect(missing.json().error.code).toBe('CASE_NOT_FOUND');
  });
});
