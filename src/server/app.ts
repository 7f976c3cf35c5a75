// The application as a Fastify instance: plugins in order (external, then the app's own), then the
// routes under /api/v1, the OpenAPI document, and the two web apps.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { LIMITS } from '../shared/enums.ts';
import type { AppContext } from './context.ts';
import { registerErrorHandling, ErrorResponse } from './http/errors.ts';
import { registerValidation } from './http/validation.ts';
import { registerAuth } from './http/auth.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { API_ROUTES } from './routes/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(ROOT, 'dist/web');

export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: ctx.config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: ctx.config.trustProxy,
    ajv: { customOptions: { removeAdditional: false } },
  });
  registerSecurityHeaders(app, { https: ctx.config.secureCookies });
  registerValidation(app);
  registerErrorHandling(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: LIMITS.attachmentMaxBytes, files: 1, fields: 5 }, throwFileSizeLimit: true });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'xinfang API 信访业务接口', version: '1.0.0', description: 'Case lifecycle, work queues, portal and statistics. Errors: { error: { code, message, messageZh } }.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'xf_session' } } },
      security: [{ session: [] }],
    },
  });
  app.addSchema(ErrorResponse);
  registerAuth(app, ctx);

  await app.register(async (api) => {
    for (const route of API_ROUTES) await api.register(route, { ctx });
  }, { prefix: '/api/v1' });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'none', deepLinking: true } });
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true, engine: ctx.engine }));

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', index: false, wildcard: false });
    const page = (file: string) => async (_req: unknown, reply: import('fastify').FastifyReply) => reply.type('text/html').sendFile(file);
    app.get('/', { schema: { hide: true } }, page('index.html'));
    app.get('/portal', { schema: { hide: true } }, page('portal.html'));
    app.get('/portal/*', { schema: { hide: true } }, page('portal.html'));
    app.get('/console/*', { schema: { hide: true } }, page('index.html'));
  }
  return app;
}
