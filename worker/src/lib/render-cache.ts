// Rendered answers of cacheable reads, kept in the isolate's memory (middleware/revalidate.ts).
// Under load the task list and the dashboard cost their render (~70 KB of JSON built from a few
// hundred rows) on every request, while nothing changed between two of them: 50 clients on the
// same list ran at a third of /api/health's rate. The key holds everything the answer is made of
// except the caller's identity — the audience (organisation, role, unit, leader) — so callers
// who would get the same bytes share one render until the organisation's next change.
// Bounded by bytes, least recently used out first; each isolate has its own (a miss only costs
// the render it would have cost anyway).
const MAX_BYTES = 8 * 1024 * 1024;
const MAX_ENTRY = 1024 * 1024;

interface Entry {
  body: ArrayBuffer;
  contentType: string;
}

const entries = new Map<string, Entry>();
let bytes = 0;

export function cachedRender(key: string): Entry | undefined {
  const e = entries.get(key);
  if (!e) return undefined;
  // Most recently used last.
  entries.delete(key);
  entries.set(key, e);
  return e;
}

export function keepRender(key: string, body: ArrayBuffer, contentType: string): void {
  if (body.byteLength > MAX_ENTRY || entries.has(key)) return;
  entries.set(key, { body, contentType });
  bytes += body.byteLength;
  for (const [k, e] of entries) {
    if (bytes <= MAX_BYTES) break;
    entries.delete(k);
    bytes -= e.body.byteLength;
  }
}
