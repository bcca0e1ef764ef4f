// The demo history is written through the worker's own routes (so every row — revisions,
// reviews, photos, sync log, audit — is exactly what the app writes), by demo-worker.ts running
// in workerd next to the local D1/R2: calling the routes from Node through the platform proxy
// costs one round trip per SQL query and took minutes; this takes seconds.
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { Log, LogLevel, Miniflare } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import type { DemoOp } from './demo-worker';

export type { DemoOp };
export type RunOps = (ops: DemoOp[]) => Promise<unknown[]>;

/** Lists of calls larger than this go in several requests. */
const CHUNK_BYTES = 8 * 1024 * 1024;

export async function withDemoWorker<T>(persistTo: string, sessionsAt: Date, fn: (run: RunOps) => Promise<T>): Promise<T> {
  const bundle = await build({
    entryPoints: ['worker/cli/demo-worker.ts'],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const { workerOptions } = unstable_getMiniflareWorkerOptions('wrangler.toml');
  const v3 = join(resolve(persistTo), 'v3');
  const mf = new Miniflare({
    ...workerOptions,
    name: 'duban-demo-seed',
    assets: undefined,
    modules: [{ type: 'ESModule', path: 'demo-worker.js', contents: bundle.outputFiles[0]!.text }],
    d1Persist: join(v3, 'd1'),
    r2Persist: join(v3, 'r2'),
    kvPersist: join(v3, 'kv'),
    log: new Log(LogLevel.WARN),
  } as ConstructorParameters<typeof Miniflare>[0]);
  try {
    await mf.ready;
    const send = async (ops: DemoOp[]): Promise<unknown[]> => {
      const res = await mf.dispatchFetch('http://localhost/run', { method: 'POST', body: JSON.stringify({ ops, sessionsAt: sessionsAt.toISOString() }) });
      const out = (await res.json()) as { results?: unknown[]; error?: string };
      if (!res.ok || !out.results) throw new Error(`demo seeding: ${out.error ?? res.status}`);
      return out.results;
    };
    return await fn(async (ops) => {
      const results: unknown[] = [];
      let chunk: DemoOp[] = [];
      let size = 0;
      for (const op of ops) {
        const n = (op.b64?.length ?? 0) + 500;
        if (chunk.length && size + n > CHUNK_BYTES) {
          results.push(...(await send(chunk)));
          chunk = [];
          size = 0;
        }
        chunk.push(op);
        size += n;
      }
      if (chunk.length) results.push(...(await send(chunk)));
      return results;
    });
  } finally {
    await mf.dispose();
  }
}
