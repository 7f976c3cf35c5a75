// Petitioner look-up at registration (POST, so no personal data travels in a URL).
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../context.ts';
import { requireStaff } from '../http/auth.ts';
import { CASEWORK_ROLES } from '../../shared/enums.ts';
import { lookupPetitioner } from '../services/lookup-petitioner.ts';
import { PersonView } from '../presenters/case-presenter.ts';

export default async function petitionerRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.post('/petitioners/lookup', {
    schema: {
      tags: ['cases'], summary: '按身份证或手机号查找信访人 Find a petitioner (logged)',
      body: Type.Object({ idNumber: Type.Optional(Type.String({ maxLength: 18 })), mobile: Type.Optional(Type.String({ maxLength: 11 })) }, { additionalProperties: false }),
      response: { 200: Type.Array(Type.Object({
        petitioner: PersonView,
        cases: Type.Array(Type.Object({
          id: Type.Integer(), caseNo: Type.String(), title: Type.String(), state: Type.String(), kind: Type.String(), categoryId: Type.Integer(),
          receivedAt: Type.String(), isVisible: Type.Boolean(),
        })),
      })) },
    },
  }, async (req) => lookupPetitioner(ctx, requireStaff(req, CASEWORK_ROLES), req.body as { idNumber?: string; mobile?: string }, req.ip));
}
