import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { ACTION_BODIES, actionPath } from './case-actions.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => t.close());

it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
  const res = await t.anonymous.get('/api/openapi.json');
  expect(res.statusCode).toBe(200);
  const doc = res.json();
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.paths['/api/v1/cases'].post.requestBody).toBeDefined();
  expect(doc.paths['/api/v1/cases'].get.responses['200']).toBeDefined();
  for (const action of Object.keys(ACTION_BODIES)) {
    expect(doc.paths[`/api/v1/cases/{id}/${actionPath(action as never)}`]?.post, action).toBeDefined();
  }
  const page = await t.anonymous.get('/api/docs/');
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('swagger-ui');
});

it('answers unknown paths with a catalogued 404', async () => {
  const res = await t.anonymous.get('/api/v1/nothing-here');
  expect(res.statusCode).toBe(404);
  expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', messageZh: '资源不存在' });
});
