// The worker for the e2e tests: the bundle `wrangler deploy` would upload, served by Miniflare —
// the same workerd, bindings, assets routing and local D1/R2 layout (`<persistTo>/v3`) as
// `wrangler dev --persist-to`, read from wrangler.toml by wrangler's own
// `unstable_getMiniflareWorkerOptions`.
//
// Why not `wrangler dev` itself: it puts a ProxyWorker (a second workerd) in front of the worker,
// and when a pooled proxy→worker connection idles for about 5 s both of kj's keep-alive timers
// fire together; the request caught in between fails and wrangler 4.86 treats that as fatal —
// the server exits or stops answering mid-suite (cloudflare/workers-sdk#14641, #15317; it made
// one CI run fail with a page that never loaded). Production has no ProxyWorker, so the tests
// lose nothing by leaving it out. `npm start` and the benchmarks still use `wrangler dev`.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { Log, LogLevel, Miniflare, type MiniflareOptions } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import type { DevServer } from '../support/wrangler-dev';

/** The same handle as the benchmarks' `wrangler dev`: url, port, output(), stop(). */
export type LocalWorker = DevServer;

/** The tail of the worker's output kept for diagnosis (a long fault run prints a lot). */
const OUTPUT_KEPT = 200_000;

/** Bundles the worker exactly as `wrangler deploy` would, into `outdir` (index.js). */
export function bundleWorker(outdir: string): string {
  const r = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', WRANGLER_LOG: 'error' },
  });
  if (r.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${r.stdout}\n${r.stderr}`);
  return resolve(outdir);
}

/** Serves `bundleDir` on 127.0.0.1 (a free port unless given) with the local state in `persistTo`. */
export async function startLocalWorker(opts: {
  bundleDir: string;
  persistTo: string;
  vars?: Record<string, string>;
  port?: number;
}): Promise<LocalWorker> {
  const { workerOptions } = unstable_getMiniflareWorkerOptions('wrangler.toml');
  let output = '';
  const v3 = resolve(opts.persistTo, 'v3');
  const options: MiniflareOptions = {
    ...workerOptions,
    name: 'duban',
    modules: true,
    modulesRoot: opts.bundleDir,
    scriptPath: join(opts.bundleDir, 'index.js'),
    bindings: { ...(workerOptions.bindings ?? {}), ...(opts.vars ?? {}) },
    host: '127.0.0.1',
    port: opts.port ?? 0,
    d1Persist: join(v3, 'd1'),
    r2Persist: join(v3, 'r2'),
    kvPersist: join(v3, 'kv'),
    cachePersist: join(v3, 'cache'),
    durableObjectsPersist: join(v3, 'do'),
    log: new Log(LogLevel.WARN),
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      const keep = (d: Buffer) => (output = (output + d).slice(-OUTPUT_KEPT));
      stdout.on('data', keep);
      stderr.on('data', keep);
    },
  };
  const mf = new Miniflare(options);
  const url = await mf.ready;
  let stopped = false;
  return {
    url: url.origin,
    port: Number(url.port),
    output: () => output,
    async stop() {
      if (stopped) return;
      stopped = true;
      await mf.dispose();
    },
  };
}
