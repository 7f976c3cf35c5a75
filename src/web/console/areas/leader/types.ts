// What the leader endpoints send (type-only, from the server's own response schemas).
import type { Static } from 'typebox';
import type { Instruction as InstructionSchema, Ownership as OwnershipSchema } from '../../../../server/routes/supervision.ts';
import type { Options, VisitResult as VisitResultSchema } from '../../../../server/routes/reception.ts';
import type { ReceptionDayViewT } from '../../../../server/presenters/reception-presenter.ts';

export type Ownership = Static<typeof OwnershipSchema>;
export type Instruction = Static<typeof InstructionSchema>;
export type ReceptionDay = ReceptionDayViewT;
export type ReceptionVisit = ReceptionDay['visits'][number];
export type ReceptionOptions = Static<typeof Options>;
export type VisitResult = Static<typeof VisitResultSchema>;
