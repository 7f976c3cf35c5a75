// What the supervision endpoints send (type-only, from the routes' own response schemas).
import type { Static } from 'typebox';
import type { Board, Notice } from '../../../../server/routes/supervision.ts';

export type SupervisionBoard = Static<typeof Board>;
export type BoardBody = SupervisionBoard['bodies'][number];
export type BoardCase = BoardBody['cases'][number];
export type SupervisionNotice = Static<typeof Notice>;
