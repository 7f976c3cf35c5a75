// stats routes.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';

export default async function statsRoutes(_app: FastifyInstance, _opts: { ctx: AppContext }) {}
