// 登录设备 (in 我的): where this account is signed in, and a way to end any of those sessions.
import { useEffect, useState } from 'preact/hooks';
import { ApiFailure } from '../api/client';
import { formatDateTime } from '../lib/format';
import { Link } from '../router';
import { describeDevice, listMySessions, revokeMySession, type SessionInfo } from '../state/security';

export function MySessions() {
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function load() {
    try {
      setSessions(await listMySessions());
      setError(null);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '无法加载登录设备');
    }
  }

  useEffect(() => {
    void load();
  }, []);

  async function revoke(ids: string[]) {
    setBusy(ids.length > 1 ? 'others' : ids[0]!);
    try {
      for (const id of ids) await revokeMySession(id);
      await load();
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '操作失败，请稍后重试');
    } finally {
      setBusy(null);
    }
  }

  const others = sessions?.filter((s) => !s.current) ?? [];
  return (
    <div class="card">
      <h2 class="card-title">登录设备</h2>
      {error && <p class="note">{error}</p>}
      {!sessions && !error && <p class="meta">加载中…</p>}
      {sessions && (
        <ul class="list" aria-label="登录设备">
          {sessions.map((s) => (
            <li key={s.id} class="device-row">
              <span class="device-main">
                {describeDevice(s.userAgent)} {s.current && <span class="tag tag-pending">本机</span>}
                <br />
                <span class="meta">
                  最近使用 {formatDateTime(s.lastSeenAt)}
                  {s.ip ? <> · <span class="device-ip">{s.ip}</span></> : ''}
                </span>
              </span>
              <span class="device-side">
                {!s.current && (
                  <button type="button" class="btn btn-small" aria-label="退出该设备" disabled={busy !== null} onClick={() => void revoke([s.id])}>
                    {busy === s.id ? '退出中…' : '退出'}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        {others.length > 1 && (
          <button type="button" class="btn btn-small btn-danger" disabled={busy !== null} onClick={() => void revoke(others.map((s) => s.id))}>
            {busy === 'others' ? '退出中…' : `退出其他 ${others.length} 台设备`}
          </button>
        )}
        <Link class="btn btn-small" href="/me/password">
          修改密码
        </Link>
      </div>
    </div>
  );
}
