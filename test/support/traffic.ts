// Records the upload traffic of a browser context: every report write (PUT report, PUT photo,
// PUT thumbnail, POST submit) with its outcome, bytes and time — for the sync-drain figures and
// for the fault suite's proof that faults really happened and nothing was sent twice needlessly.
import { performance } from 'node:perf_hooks';
import type { BrowserContext, Request, Response } from 'playwright-core';

export type WriteKind = 'report' | 'photo' | 'thumb' | 'submit';

export interface WriteRecord {
  kind: WriteKind;
  method: string;
  path: string;
  /** performance.now() in Node when the request started / ended. */
  startedAt: number;
  endedAt: number | null;
  status: number | null;
  /** The connection failed (dropped, offline, aborted) before a response. */
  failed: string | null;
  /** A status line arrived but the body broke off (the worker's injected drop after the work). */
  cut: boolean;
  bytes: number;
}

export function writeKind(method: string, path: string): WriteKind | null {
  if (method === 'PUT' && /^\/api\/reports\/[^/]+\/photos\/[^/]+\/thumb$/.test(path)) return 'thumb';
  if (method === 'PUT' && /^\/api\/reports\/[^/]+\/photos\/[^/]+$/.test(path)) return 'photo';
  if (method === 'PUT' && /^\/api\/reports\/[^/]+$/.test(path)) return 'report';
  if (method === 'POST' && /^\/api\/reports\/[^/]+\/submit$/.test(path)) return 'submit';
  return null;
}

export interface Traffic {
  records: WriteRecord[];
  stop(): void;
  summary(): TrafficSummary;
}

export interface TrafficSummary {
  requests: number;
  byKind: Record<WriteKind, number>;
  ok: number;
  http5xx: number;
  http4xx: number;
  dropped: number;
  /** 2xx status lines whose body broke off. */
  cut: number;
  /** Requests beyond the first for the same method + path. */
  repeats: number;
  bytes: number;
}

export function recordTraffic(context: BrowserContext): Traffic {
  const records: WriteRecord[] = [];
  const open = new Map<Request, WriteRecord>();
  const onRequest = (req: Request) => {
    const path = new URL(req.url()).pathname;
    const kind = writeKind(req.method(), path);
    if (!kind) return;
    const rec: WriteRecord = { kind, method: req.method(), path, startedAt: performance.now(), endedAt: null, status: null, failed: null, cut: false, bytes: req.postDataBuffer()?.length ?? 0 };
    records.push(rec);
    open.set(req, rec);
  };
  const onFinished = (req: Request) => {
    const rec = open.get(req);
    if (!rec) return;
    open.delete(req);
    rec.endedAt = performance.now();
    void req.response().then((res) => {
      rec.status = res?.status() ?? null;
    }).catch(() => {});
  };
  const onFailed = (req: Request) => {
    const rec = open.get(req);
    if (!rec) return;
    open.delete(req);
    rec.endedAt = performance.now();
    rec.failed = req.failure()?.errorText ?? 'failed';
  };
  // 'response' arrives before the body: record the status there, the end at 'requestfinished'.
  // Every answer of these routes is JSON: one that does not parse was cut off.
  const onResponse = (res: Response) => {
    const rec = open.get(res.request());
    if (!rec) return;
    rec.status = res.status();
    void res
      .text()
      .then((text) => {
        JSON.parse(text);
      })
      .catch(() => {
        rec.cut = true;
      });
  };
  context.on('request', onRequest);
  context.on('response', onResponse);
  context.on('requestfinished', onFinished);
  context.on('requestfailed', onFailed);
  return {
    records,
    stop() {
      context.off('request', onRequest);
      context.off('response', onResponse);
      context.off('requestfinished', onFinished);
      context.off('requestfailed', onFailed);
    },
    summary() {
      const byKind: Record<WriteKind, number> = { report: 0, photo: 0, thumb: 0, submit: 0 };
      const seen = new Set<string>();
      let repeats = 0;
      for (const r of records) {
        byKind[r.kind]++;
        const key = `${r.method} ${r.path}`;
        if (seen.has(key)) repeats++;
        seen.add(key);
      }
      return {
        requests: records.length,
        byKind,
        ok: records.filter((r) => !r.failed && !r.cut && r.status !== null && r.status < 300).length,
        http5xx: records.filter((r) => !r.failed && (r.status ?? 0) >= 500).length,
        http4xx: records.filter((r) => !r.failed && (r.status ?? 0) >= 400 && (r.status ?? 0) < 500).length,
        dropped: records.filter((r) => r.failed).length,
        cut: records.filter((r) => !r.failed && r.cut).length,
        repeats,
        bytes: records.reduce((s, r) => s + r.bytes, 0),
      };
    },
  };
}
