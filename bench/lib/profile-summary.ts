// `node bench/lib/profile-summary.ts FILE.cpuprofile [N]`: the functions with the most self time and
// the source files with the most inclusive time, to read a --cpu-prof of the server quickly.
import { readFileSync } from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] }
const [file, top = '25'] = process.argv.slice(2);
if (!file) { console.error('usage: profile-summary FILE.cpuprofile [N]'); process.exit(2); }
const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const total = prof.nodes.reduce((s, n) => s + n.hitCount, 0);
const self = new Map<string, number>();
const short = (u: string) => u.replace(/^.*\/work\/main\//, '').replace(/^file:\/\//, '');
for (const n of prof.nodes) {
  const k = `${n.callFrame.functionName || '(anon)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  self.set(k, (self.get(k) ?? 0) + n.hitCount);
}
// inclusive time per file (a file counted once per stack)
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const fileIncl = new Map<string, number>();
for (const n of prof.nodes) {
  if (!n.hitCount) continue;
  const seen = new Set<string>();
  for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
    const u = short(byId.get(id)!.callFrame.url);
    const key = u.startsWith('src/') ? u : u.includes('node_modules/') ? u.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, 'node_modules/$1') : u || '(native)';
    if (!seen.has(key)) { seen.add(key); fileIncl.set(key, (fileIncl.get(key) ?? 0) + n.hitCount); }
  }
}
const pct = (n: number) => `${((100 * n) / total).toFixed(1)}%`.padStart(6);
console.log(`samples: ${total}\n-- self time --`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${pct(v)}  ${k}`);
console.log('-- inclusive time by file / package --');
for (const [k, v] of [...fileIncl].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${pct(v)}  ${k}`);
