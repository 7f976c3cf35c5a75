// What leaves the server about a screened dispute (the response schema is the allow-list).
import { Type, type Static } from 'typebox';
import type { DisputeListRow } from '../repositories/disputes.ts';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const DisputeView = Type.Object({
  id: Type.Integer(),
  disputeNo: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  period: Type.String(),
  foundOn: Type.String({ format: 'date' }),
  areaCode: Type.String(),
  location: N(Type.String()),
  partiesCount: Type.Integer(),
  summary: Type.String(),
  type: Type.String(),
  riskLevel: Type.String(),
  responsibleOrgId: Type.Integer(),
  responsibleOrgName: Type.String(),
  responsiblePerson: Type.String(),
  status: Type.String(),
  resolutionNote: N(Type.String()),
  resolvedOn: N(Type.String({ format: 'date' })),
  caseId: N(Type.Integer()),
  caseNo: N(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
}, { $id: 'DisputeView' });
export type DisputeViewT = Static<typeof DisputeView>;

export const DisputeRateRow = Type.Object({
  orgId: N(Type.Integer()),
  orgName: N(Type.String()),
  period: N(Type.String()),
  screened: Type.Integer(),
  resolved: Type.Integer(),
  unresolved: Type.Integer(),
  converted: Type.Integer(),
  open: Type.Integer(),
  /** 化解率 = resolved / screened; null when nothing was screened. */
  rate: N(Type.Number()),
});
export type DisputeRateRowT = Static<typeof DisputeRateRow>;

export function presentDispute(d: DisputeListRow): DisputeViewT {
  return {
    id: d.id, disputeNo: d.dispute_no, orgId: d.org_id, orgName: d.org_name, period: d.period, foundOn: d.found_on, areaCode: d.area_code,
    location: d.location, partiesCount: d.parties_count, summary: d.summary, type: d.type, riskLevel: d.risk_level,
    responsibleOrgId: d.responsible_org_id, responsibleOrgName: d.responsible_org_name, responsiblePerson: d.responsible_person,
    status: d.status, resolutionNote: d.resolution_note, resolvedOn: d.resolved_on, caseId: d.case_id, caseNo: d.case_no,
    version: d.version, createdAt: new Date(d.created_at).toISOString(), updatedAt: new Date(d.updated_at).toISOString(),
  };
}
