// Staff notices through the HTTP API: a leader is told when someone else schedules, changes, hands over
// or cancels a reception day of theirs (never of their own acts); each user reads and marks only their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { orgId } from '../test/factories.ts';

let t: TestApp;
let supervisor: Client;
let leader: Client;
let head: Client;
let leaderId: number;
let headId: number;
let bureau: number;
beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  supervisor = await t.as('supervisor');
  leader = await t.as('leader');
  head = await t.as('bureau.head');
  const id = async (u: string) => (await t.ctx.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
  leaderId = await id('leader');
  headId = await id('bureau.head');
  bureau = await orgId(t, '清河县信访局');
});
afterAll(async () => t.close());

type Notice = { id: number; kind: string; readAt: string | null; day: Record<string, string>; was: Record<string, string> | null; fields: string[]; byName: string; reason: string | null; receptionDayId: number };
const inbox = async (c: Client, q = '') => {
  const res = await c.get(`/api/v1/notifications${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Notice[]; unread: number; nextBefore: number | null };
};

describe('a leader is told of changes to their reception days made by others', () => {
  let dayId = 0;

  it('when another schedules a day for them, not when they schedule their own', async () => {
    const own = await leader.post('/api/v1/reception-days', { orgId: bureau, day: '2026-03-04', startsAt: '09:00', endsAt: '11:00', place: '县信访局接待大厅' });
    expect(own.statusCode, own.body).toBe(201);
    expect((await inbox(leader)).items).toEqual([]);

    const res = await supervisor.post('/api/v1/reception-days', { leaderUserId: leaderId, orgId: bureau, day: '2026-03-09', startsAt: '14:30', endsAt: '17:00', place: '县信访局接待大厅', kind: 'field' });
    expect(res.statusCode, res.body).toBe(201);
    dayId = res.json().id;
    const box = await inbox(leader);
    expect(box.unread).toBe(1);
    expect(box.items[0]).toMatchObject({
      kind: 'reception_scheduled', readAt: null, receptionDayId: dayId, byName: '王督办',
      day: { day: '2026-03-09', startsAt: '14:30', endsAt: '17:00', place: '县信访局接待大厅', receptionKind: 'field' },
    });
    // nobody else is told
    expect((await inbox(supervisor)).items).toEqual([]);
    expect((await inbox(head)).items).toEqual([]);
  });

  it('when another changes it: what changed and what it was', async () => {
    const res = await supervisor.patch(`/api/v1/reception-days/${dayId}`, { version: 1, place: '葛仙庄镇政府会议室', startsAt: '15:00' });
    expect(res.statusCode, res.body).toBe(200);
    const [n] = (await inbox(leader)).items;
    expect(n).toMatchObject({ kind: 'reception_changed', day: { place: '葛仙庄镇政府会议室', startsAt: '15:00' }, was: { place: '县信访局接待大厅', startsAt: '14:30' } });
    expect(n!.fields.sort()).toEqual(['place', 'startsAt']);
  });

  it('when it is handed to another leader: both are told', async () => {
    const res = await supervisor.patch(`/api/v1/reception-days/${dayId}`, { version: 2, leaderUserId: headId });
    expect(res.statusCode, res.body).toBe(200);
    expect((await inbox(leader)).items[0]).toMatchObject({ kind: 'reception_reassigned', receptionDayId: dayId, was: { place: '葛仙庄镇政府会议室' } });
    expect((await inbox(head)).items[0]).toMatchObject({ kind: 'reception_scheduled', receptionDayId: dayId, day: { day: '2026-03-09' } });
  });

  it('when it is cancelled, with the reason', async () => {
    const res = await supervisor.post(`/api/v1/reception-days/${dayId}/cancel`, { version: 3, reason: '与全县防汛会议冲突，另行安排' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await inbox(head)).items[0]).toMatchObject({ kind: 'reception_cancelled', reason: '与全县防汛会议冲突，另行安排', byName: '王督办' });
    expect((await inbox(leader)).unread).toBe(3);
  });
});

describe('reading notices', () => {
  it("marks one's own read, by id or all; another user's notice is untouched", async () => {
    const mine = await inbox(leader);
    const headsFirst = (await inbox(head)).items[0]!;
    // the leader names the head's notice: nothing is marked
    const other = await leader.post('/api/v1/notifications/read', { ids: [headsFirst.id] });
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json().marked).toBe(0);
    expect((await inbox(head)).items[0]!.readAt).toBeNull();

    const one = await leader.post('/api/v1/notifications/read', { ids: [mine.items[0]!.id] });
    expect(one.json().marked).toBe(1);
    expect((await inbox(leader)).unread).toBe(mine.unread - 1);
    expect((await inbox(leader, '?unread=true')).items.map((n) => n.id)).not.toContain(mine.items[0]!.id);
    const all = await leader.post('/api/v1/notifications/read', { all: true });
    expect(all.json().marked).toBe(mine.unread - 1);
    expect((await inbox(leader)).unread).toBe(0);
  });

  it('pages newest first', async () => {
    const first = await inbox(leader, '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextBefore).toBe(first.items[1]!.id);
    const rest = await inbox(leader, `?limit=2&before=${first.nextBefore}`);
    expect(rest.items.map((n) => n.id)).toEqual([...rest.items.map((n) => n.id)].sort((a, b) => b - a));
    expect(rest.items.every((n) => n.id < first.items[1]!.id)).toBe(true);
  });

  it('refuses a request naming neither or both, and anonymous callers', async () => {
    for (const body of [{}, { ids: [1], all: true }, { ids: [] }, { all: false }]) {
      const res = await leader.post('/api/v1/notifications/read', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await t.anonymous.get('/api/v1/notifications')).statusCode).toBe(401);
  });
});
