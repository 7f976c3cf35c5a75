// What the dispute API sends (type-only, from the server's response schemas).
import type { DisputeRateRowT, DisputeViewT } from '../../../../server/presenters/dispute-presenter.ts';

export type Dispute = DisputeViewT;
export type DisputeRate = DisputeRateRowT;
/** GET /disputes (routes/disputes.ts). */
export interface DisputePage { items: Dispute[]; total: number }
/** GET /disputes/rates (routes/disputes.ts). */
export interface DisputeRates { rows: DisputeRate[]; total: DisputeRate }
