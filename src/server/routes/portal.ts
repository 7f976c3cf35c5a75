// portal routes.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';

export default async function portalRoutes(_app: FastifyInstance, _opts: { ctx: AppContext }) {}
