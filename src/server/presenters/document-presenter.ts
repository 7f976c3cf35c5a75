// What leaves the server about a printable document: the composed text, nothing of the case beyond it.
import { Type, type Static } from 'typebox';

export const DocumentView = Type.Object({
  type: Type.String(),
  caseId: Type.Integer(),
  caseNo: Type.String(),
  issuer: Type.String(),
  number: Type.String(),
  title: Type.String(),
  addressee: Type.String(),
  fields: Type.Array(Type.Object({ label: Type.String(), value: Type.String() })),
  paragraphs: Type.Array(Type.String()),
  closing: Type.Union([Type.String(), Type.Null()]),
  date: Type.String({ format: 'date' }),
  dateText: Type.String(),
  hasPersonalData: Type.Boolean(),
}, { $id: 'DocumentView' });
export type DocumentViewType = Static<typeof DocumentView>;
