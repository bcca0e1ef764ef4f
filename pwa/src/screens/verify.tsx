// 核验: the page a photo's QR code opens (/v/<核验码>), also reached by typing a code (/v).
// Works without signing in and without the field app's data: it asks the public
// GET /api/verify/:code and shows only what the photo proves. A person can pick the photo file
// they received: its SHA-256 is computed here (SubtleCrypto, nothing is uploaded) and compared
// with the server's copy.
import { useEffect, useState } from 'preact/hooks';
import { formatVerifyCode, normaliseVerifyCode } from '../../../shared/verify-code';
import { api, errorOf, type Answer } from '../api/client';
import { formatDateTime } from '../lib/format';
import { useStore } from '../lib/store';
import { sha256Hex } from '../photo/hash';
import { Link, navigate } from '../router';
import { sessionStore } from '../state/session';

type VerifyResponse = Answer<typeof api.api.verify[':code']['$get']>;

type Lookup =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'found'; v: VerifyResponse }
  | { state: 'failed'; message: string };

const REVIEW = { accepted: '已审核通过', returned: '已退回修改', pending: '已报送，待审核' } as const;

const plainFetch: typeof fetch = (input, init) => fetch(input, init);

async function lookUp(code: string): Promise<Lookup> {
  try {
    // The plain fetch, not the app's (no app timeout): the page works signed out, on any link.
    const res = await api.api.verify[':code'].$get({ param: { code: encodeURIComponent(code) } }, { fetch: plainFetch, init: { credentials: 'same-origin' } });
    const body = await res.json().catch(() => null);
    if (res.ok && body) return { state: 'found', v: body };
    return { state: 'failed', message: errorOf(body).message ?? '核验失败，请稍后重试' };
  } catch {
    return { state: 'failed', message: '网络不可用，请联网后再核验' };
  }
}

export default function VerifyScreen({ params }: { params: Record<string, string> }) {
  const code = params.code ?? '';
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  useEffect(() => {
    if (!code) return setLookup({ state: 'idle' });
    setLookup({ state: 'loading' });
    let live = true;
    void lookUp(code).then((r) => live && setLookup(r));
    return () => {
      live = false;
    };
  }, [code]);

  return (
    <section class="verify">
      <h1 class="screen-title">照片核验</h1>
      <CodeForm initial={code} />
      {lookup.state === 'loading' && <p class="loading">正在查询…</p>}
      {lookup.state === 'failed' && (
        <p class="form-error" role="alert">
          {lookup.message}
        </p>
      )}
      {lookup.state === 'found' && <Evidence v={lookup.v} />}
    </section>
  );
}

function CodeForm({ initial }: { initial: string }) {
  const [text, setText] = useState(initial ? formatVerifyCode(initial) : '');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="card"
      onSubmit={(e) => {
        e.preventDefault();
        const c = normaliseVerifyCode(text);
        if (!c) return setError('核验码为 12 位字母和数字（如 ABCD-EFGH-JKMN），请检查后重新输入');
        setError(null);
        navigate(`/v/${c}`);
      }}
    >
      <label class="field">
        <span>核验码（照片水印上的 12 位码）</span>
        <input
          name="code"
          value={text}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          inputMode="text"
          placeholder="ABCD-EFGH-JKMN"
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      {error && <p class="field-error">{error}</p>}
      <button type="submit" class="btn btn-block">
        核验
      </button>
    </form>
  );
}

function Evidence({ v }: { v: VerifyResponse }) {
  const session = useStore(sessionStore);
  const role = session.status === 'signed_in' ? session.me.role : null;
  const reportHref = v.taskId ? (role === 'unit' ? `/tasks/${v.taskId}` : `/overview/tasks/${v.taskId}`) : null;
  return (
    <>
      <div class="card" data-testid="verify-evidence">
        <p class="verify-ok">✔ 核验码 {formatVerifyCode(v.verifyCode)} 对应的报送记录存在于督办服务器</p>
        <dl class="facts">
          <dt>报送单位</dt>
          <dd>
            {v.unitName}（{v.orgName}）
          </dd>
          <dt>任务</dt>
          <dd>
            {v.taskLabel} · {v.taskTitle}
          </dd>
          <dt>拍摄（手机）</dt>
          <dd>{v.capturedAt ? formatDateTime(v.capturedAt) : '未记录'}</dd>
          <dt>收到（服务器）</dt>
          <dd>{formatDateTime(v.receivedAt)}</dd>
          <dt>报送（服务器）</dt>
          <dd>{v.submittedAt ? formatDateTime(v.submittedAt) : '—'}</dd>
          <dt>手机时钟</dt>
          <dd class={v.clockFlagged ? 'warn' : undefined}>{v.clockFlagged ? '⚠ 与服务器时间不符，拍摄时间仅供参考' : '正常'}</dd>
          <dt>审核</dt>
          <dd>{REVIEW[v.review]}</dd>
        </dl>
        {reportHref && (
          <Link class="btn btn-block" href={reportHref}>
            查看报告
          </Link>
        )}
      </div>
      <HashCheck v={v} />
      {v.photos.map((p) => (
        <figure class="card verify-photo" key={p.seq}>
          {p.thumbUrl ? <img src={p.thumbUrl} alt={`第 ${p.seq + 1} 张照片缩略图`} loading="lazy" /> : <p class="meta">（无缩略图）</p>}
          <figcaption>
            <p>
              第 {p.seq + 1} 张 · {p.width}×{p.height} · {Math.round(p.size / 1024)} KB
            </p>
            <p class="meta">拍摄（手机）{p.takenAt ? formatDateTime(p.takenAt) : '未记录'} · 收到（服务器）{p.receivedAt ? formatDateTime(p.receivedAt) : '—'}</p>
            <p class="meta hash">SHA-256 {p.sha256}</p>
          </figcaption>
        </figure>
      ))}
      {!v.photos.length && <p class="empty">这份报告没有照片。</p>}
    </>
  );
}

/** Compares a file the person received with the server's originals, in the browser. */
function HashCheck({ v }: { v: VerifyResponse }) {
  const [result, setResult] = useState<{ match: number | null; sha: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div class="card">
      <label class="field">
        <span>选择收到的照片文件，与服务器原件比对（在本机计算，不会上传）</span>
        <input
          type="file"
          accept="image/*"
          data-testid="verify-file"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            if (!file) return;
            setBusy(true);
            const sha = await sha256Hex(await file.arrayBuffer());
            const i = v.photos.findIndex((p) => p.sha256 === sha);
            setResult({ match: i < 0 ? null : v.photos[i]!.seq, sha, name: file.name });
            setBusy(false);
          }}
        />
      </label>
      {busy && <p class="loading">正在计算…</p>}
      {result && (
        <div role="status" data-testid="verify-result" class={result.match === null ? 'form-error' : 'note note-ok'}>
          {result.match === null ? (
            <p>
              <strong>不一致</strong>：{result.name} 不是服务器保存的原件（可能被压缩、裁剪、编辑，或不属于这份报告）。
            </p>
          ) : (
            <p>
              <strong>与服务器原件一致</strong>：{result.name} 就是第 {result.match + 1} 张照片。
            </p>
          )}
          <p class="meta hash">本文件 SHA-256 {result.sha}</p>
        </div>
      )}
    </div>
  );
}
