// Headers on every response that keep the browser on the user's side:
// - nothing may frame the console or the portal (an action button cannot be clickjacked from
//   another site: X-Frame-Options and frame-ancestors);
// - no referrer leaves for another site (an address inside the apps stays inside);
// - responses are taken as the type they declare (nosniff);
// - a content security policy: the web apps run only their own scripts and talk only to their own
//   server; styles may be inline (the component library writes its styles at run time); images may
//   also be data: and blob: (previews of attachments being chosen); no plugins, no <base>, forms
//   post only here;
// - no camera, microphone or location for the page;
// - over HTTPS (XF_SECURE_COOKIES), browsers keep to HTTPS for a year.
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(https: boolean): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    ...(https && { 'strict-transport-security': 'max-age=31536000' }),
  };
}

export function registerSecurityHeaders(app: FastifyInstance, opts: { https: boolean }): void {
  const headers = securityHeaders(opts.https);
  app.addHook('onRequest', async (_req, reply) => {
    void reply.headers(headers);
  });
}
