// The embedded engine's own thread: it opens PGlite and answers the server's thread (pglite-thread.ts)
// one request at a time, in the order they came. Protocol bytes in, protocol bytes out for the
// server's statements (the engine runs them synchronously, and the answer's bytes are handed over
// without a copy); whole queries (`query`, `exec`: migrations, statements run unnamed) run here by
// PGlite's own methods and their results are sent back as values.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from './pglite-open.ts';
import type { EngineReply, EngineRequest, EngineStart, EngineStarted, SentError } from './pglite-thread.ts';

/** The array types and their element types, as PGlite reads them when it opens (its serialisers and
 * parsers of arrays are built from them; the server's thread builds the same). */
const ARRAY_TYPES = `SELECT b.oid, b.typarray FROM pg_catalog.pg_type a LEFT JOIN pg_catalog.pg_type b ON b.oid = a.typelem
  WHERE a.typcategory = 'A' GROUP BY b.oid, b.typarray ORDER BY b.oid`;

/** An error as plain values: its message and every field PGlite's DatabaseError carries (code,
 * detail, constraint, the query...), which a structured clone of the Error itself would drop. */
function sendable(e: unknown): SentError {
  if (!(e instanceof Error)) return { message: String(e), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (v === undefined || typeof v === 'function') continue;
    try {
      structuredClone(v);
      fields[k] = v;
    } catch {
      fields[k] = String(v);
    }
  }
  return { message: e.message, stack: e.stack, databaseError: 'severity' in e, fields };
}

async function answer(pglite: PGlite, m: EngineRequest): Promise<{ reply: EngineReply; transfer?: ArrayBuffer[] }> {
  try {
    switch (m.op) {
      case 'raw': {
        const bytes = pglite.execProtocolRawSync(m.bytes);
        return { reply: { id: m.id, ok: true, bytes }, transfer: [bytes.buffer as ArrayBuffer] };
      }
      case 'query':
        return { reply: { id: m.id, ok: true, result: await pglite.query(m.sql, m.params, { rowMode: 'object' }) } };
      case 'exec':
        return { reply: { id: m.id, ok: true, results: await pglite.exec(m.sql) } };
      case 'close':
        if (!pglite.closed) await pglite.close();
        return { reply: { id: m.id, ok: true } };
    }
  } catch (e) {
    return { reply: { id: m.id, ok: false, error: sendable(e) } };
  }
}

const port = parentPort!;
const start = workerData as EngineStart;
try {
  const pglite = await openPglite(start.dataDir, start.loadFile ? new Blob([readFileSync(start.loadFile)]) : undefined);
  const arrayTypes = (await pglite.query<{ oid: number; typarray: number }>(ARRAY_TYPES)).rows;
  let tail = Promise.resolve();
  port.on('message', (m: EngineRequest) => {
    tail = tail.then(async () => {
      const { reply, transfer } = await answer(pglite, m);
      port.postMessage(reply, transfer);
      if (m.op === 'close') port.close();
    });
  });
  port.postMessage({ ok: true, arrayTypes } satisfies EngineStarted);
} catch (e) {
  port.postMessage({ ok: false, error: sendable(e) } satisfies EngineStarted);
}
