// Online petition (网上信访): the citizen registers their own matter through the real registration
// rules, as the petitioner, on the channel 'online'. The case is registered at the petition bureau of
// the matter's area ([T22] Art 22: routed within 15 days).
import type { Kind } from '../../shared/enums.ts';
import type { AppContext, Principal } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { registerCase } from './register-case.ts';

export interface OnlinePetitionInput {
  kind: Kind;
  categoryId: number;
  areaCode: string;
  matterAddress?: string | null;
  title: string;
  content: string;
  petitioner: { name: string; idNumber: string; mobile: string; address?: string | null };
  agentName?: string | null;
  /** Accusations: the accused body or person (never shown to them, [T22] Art 30). */
  accusedName?: string | null;
}

export interface OnlinePetitionReceipt {
  caseId: number;
  caseNo: string;
  queryCode: string;
  state: string;
  /** Last day by which the bureau routes the matter or tells the petitioner it is not accepted. */
  acceptDueBy: string | null;
  declineReason: string | null;
}

/** Registers an online petition; 身份证 and mobile are required online (checked by registerCase). */
export async function submitOnlinePetition(ctx: AppContext, trx: Tx, ip: string | undefined, input: OnlinePetitionInput): Promise<OnlinePetitionReceipt> {
  const principal: Principal = { kind: 'petitioner', ip };
  const r = await registerCase(ctx, trx, principal, {
    channel: 'online',
    kind: input.kind,
    categoryId: input.categoryId,
    areaCode: input.areaCode,
    matterAddress: input.matterAddress ?? null,
    title: input.title,
    content: input.content,
    petitioner: { name: input.petitioner.name, idNumber: input.petitioner.idNumber, mobile: input.petitioner.mobile, address: input.petitioner.address ?? null, areaCode: input.areaCode },
    agentName: input.agentName?.trim() || null,
    accusedName: input.kind === 'accusation' ? input.accusedName ?? null : null,
  });
  return { caseId: r.caseId, caseNo: r.caseNo, queryCode: r.queryCode, state: r.state, acceptDueBy: r.acceptDueBy, declineReason: r.declineReason };
}
