// What leaves the server about reception days and their visits. An accused body never learns
// which case on a day accuses it ([T22] Art 30): the case title is withheld from it.
import { Type, type Static } from 'typebox';
import { RECEPTION_DAY_STATUSES, RECEPTION_KINDS, type ReceptionKind } from '../../shared/enums.ts';
import type { Actor } from '../context.ts';
import { isAccusedViewer } from '../policies/case-policy.ts';
import { canChangeReceptionDay } from '../policies/reception-policy.ts';
import type { findReceptionDay, listInvitationsOfDays, listVisitsOfDays } from '../repositories/reception.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const ReceptionVisitView = Type.Object({
  id: Type.Integer(),
  caseId: Type.Integer(),
  caseNo: Type.String(),
  caseTitle: Type.String(),
  caseState: Type.String(),
  submissionId: Nullable(Type.Integer()),
  headcount: Type.Integer(),
  isCollective: Type.Boolean(),
  note: Nullable(Type.String()),
  recordedByName: Type.String(),
  recordedAt: Type.String({ format: 'date-time' }),
});

export const ReceptionDayView = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  leaderUserId: Type.Integer(),
  leaderName: Type.String(),
  leaderOrgName: Type.String(),
  day: Type.String({ format: 'date' }),
  startsAt: Type.String(),
  endsAt: Type.String(),
  place: Type.String(),
  topic: Nullable(Type.String()),
  /** fixed (定点接访), field (下访) or appointment (约访). */
  kind: Type.Enum([...RECEPTION_KINDS]),
  /** scheduled (已安排) or cancelled (已取消: kept on the calendar with its reason, takes no visits). */
  status: Type.Enum([...RECEPTION_DAY_STATUSES]),
  cancelledAt: Nullable(Type.String({ format: 'date-time' })),
  cancelledByName: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  /** What an edit or a cancellation sends back, so a change made meanwhile is not overwritten. */
  version: Type.Integer(),
  /** Whether the viewer may edit or cancel the day now (a scheduler of its scope; on, not begun, no visit). */
  canChange: Type.Boolean(),
  /** 批次 and 人次 received on the day. */
  visitCount: Type.Integer(),
  headcountTotal: Type.Integer(),
  visits: Type.Array(ReceptionVisitView),
  /** 约访: the matters whose petitioners are invited, and whether each was received on the day. */
  invitedCases: Type.Array(Type.Object({
    caseId: Type.Integer(), caseNo: Type.String(), caseTitle: Type.String(), caseState: Type.String(), received: Type.Boolean(),
  })),
}, { $id: 'ReceptionDay' });
export type ReceptionDayViewT = Static<typeof ReceptionDayView>;

type DayRow = NonNullable<Awaited<ReturnType<typeof findReceptionDay>>>;
type VisitRow = Awaited<ReturnType<typeof listVisitsOfDays>>[number];
type InvitationRow = Awaited<ReturnType<typeof listInvitationsOfDays>>[number];

export function presentReceptionDay(viewer: Actor, d: DayRow, visits: VisitRow[], invitations: InvitationRow[], now: Date): ReceptionDayViewT {
  const mine = visits.filter((v) => v.reception_day_id === d.id);
  const secretTitle = (kind: string, accusedPath: string | null, title: string) => (isAccusedViewer(viewer, { kind, accused_org_path: accusedPath }) ? '（检举控告件）' : title);
  return {
    id: d.id, orgId: d.org_id, orgName: d.org_name, leaderUserId: d.leader_user_id, leaderName: d.leader_name, leaderOrgName: d.leader_org_name,
    day: d.day, startsAt: d.starts_at, endsAt: d.ends_at, place: d.place, topic: d.topic, kind: d.kind as ReceptionKind,
    status: d.cancelled_at === null ? 'scheduled' : 'cancelled',
    cancelledAt: d.cancelled_at === null ? null : new Date(d.cancelled_at).toISOString(), cancelledByName: d.cancelled_by_name, cancelReason: d.cancel_reason,
    version: d.version, canChange: canChangeReceptionDay(viewer, d, mine.length, now),
    visitCount: mine.length, headcountTotal: mine.reduce((s, v) => s + Number(v.headcount), 0),
    visits: mine.map((v) => {
      const secret = isAccusedViewer(viewer, { kind: v.case_kind, accused_org_path: v.case_accused_org_path });
      return {
        id: v.id, caseId: v.case_id, caseNo: v.case_no, caseTitle: secret ? '（检举控告件）' : v.case_title, caseState: v.case_state,
        submissionId: v.submission_id, headcount: Number(v.headcount), isCollective: v.is_collective, note: secret ? null : v.note,
        recordedByName: v.recorded_by_name, recordedAt: new Date(v.recorded_at).toISOString(),
      };
    }),
    invitedCases: invitations.filter((i) => i.reception_day_id === d.id).map((i) => ({
      caseId: i.case_id, caseNo: i.case_no, caseTitle: secretTitle(i.case_kind, i.case_accused_org_path, i.case_title), caseState: i.case_state,
      received: mine.some((v) => v.case_id === i.case_id),
    })),
  };
}
