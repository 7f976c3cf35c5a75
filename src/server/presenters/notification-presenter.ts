// What leaves the server about a staff notice: its kind, when, whether read, and either the facts of the
// reception day it tells of (day, hours, place, how, who changed it, what changed, why) or the matter
// (number and title) and the step's facts (who, which body, why, by when). An allow-list.
import { Type, type Static } from 'typebox';
import { NOTIFICATION_KINDS } from '../../shared/enums.ts';
import type { listNotifications } from '../repositories/notifications.ts';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DayFacts = Type.Object({ day: Type.String(), startsAt: Type.String(), endsAt: Type.String(), place: Type.String(), receptionKind: Type.String() });

export const NotificationView = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum([...NOTIFICATION_KINDS]),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: N(Type.String({ format: 'date-time' })),
  receptionDayId: N(Type.Integer()),
  /** The day as it now stands (as it was, for a day handed over to another leader); null for a matter's notice. */
  day: N(DayFacts),
  /** The matter a notice about a case's step tells of. */
  case: N(Type.Object({ id: Type.Integer(), caseNo: Type.String(), title: Type.String() })),
  /** The body of the one who acted (a matter's notice). */
  byOrgName: N(Type.String()),
  /** Days of an extension asked or approved. */
  days: N(Type.Integer()),
  /** The new last day (an extension approved, an answer to give again) or a supervision notice's. */
  dueOn: N(Type.String()),
  /** The co-handling body that gave its opinion, or that is asked to take part. */
  coOrgName: N(Type.String()),
  /** The lead body of a matter a body is asked to take part in. */
  leadOrgName: N(Type.String()),
  /** A major or urgent matter's first report (首报), or a later one (续报). */
  first: Type.Boolean(),
  /** An answer revoked on review ('review') or re-review ('re_review'). */
  stage: N(Type.String()),
  /** Before the change (changed, handed over). */
  was: N(DayFacts),
  /** Which fields changed (leaderUserId, day, startsAt, endsAt, place, topic, kind, orgId). */
  fields: Type.Array(Type.String()),
  /** Who acted; empty when it was the petitioner (byPetitioner), whom a notice does not name. */
  byName: Type.String(),
  byPetitioner: Type.Boolean(),
  /** Why: a day cancelled, an extension asked or refused, an answer sent back or revoked, a supervision notice's request. */
  reason: N(Type.String()),
});
export const NotificationPage = Type.Object({ items: Type.Array(NotificationView), unread: Type.Integer(), nextBefore: N(Type.Integer()) });
export type NotificationPageT = Static<typeof NotificationPage>;

type Row = Awaited<ReturnType<typeof listNotifications>>['rows'][number];
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const opt = (v: unknown) => (typeof v === 'string' ? v : null);
const facts = (d: Record<string, unknown>) => ({ day: str(d.day), startsAt: str(d.startsAt), endsAt: str(d.endsAt), place: str(d.place), receptionKind: str(d.receptionKind) });

export function presentNotification(r: Row): Static<typeof NotificationView> {
  const d = (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>;
  return {
    id: Number(r.id), kind: r.kind as Static<typeof NotificationView>['kind'], createdAt: new Date(r.created_at).toISOString(),
    readAt: r.read_at ? new Date(r.read_at).toISOString() : null, receptionDayId: r.reception_day_id,
    day: r.case_id === null ? facts(d) : null, was: d.was && typeof d.was === 'object' ? facts(d.was as Record<string, unknown>) : null,
    case: r.case_id === null ? null : { id: r.case_id, caseNo: str(d.caseNo), title: str(d.title) },
    fields: Array.isArray(d.fields) ? d.fields.filter((f): f is string => typeof f === 'string') : [],
    byName: str(d.byName), byPetitioner: d.byPetitioner === true, byOrgName: opt(d.byOrgName), reason: opt(d.reason),
    days: typeof d.days === 'number' && Number.isInteger(d.days) ? d.days : null,
    dueOn: opt(d.dueOn), coOrgName: opt(d.coOrgName), leadOrgName: opt(d.leadOrgName), stage: opt(d.stage), first: d.first === true,
  };
}
