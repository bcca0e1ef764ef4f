// The states a user can be in, visible without opening anything: offline, a new version, a
// session about to reach its absolute end.
import { formatDateTime } from '../lib/format';
import { useStore } from '../lib/store';
import { onlineStore } from '../lib/net';
import { updateStore } from '../lib/sw-register';
import { sessionStore } from '../state/session';

/** Warn this long before the session's absolute end (worker/src/lib/session.ts: 90 days). */
const SESSION_WARN_MS = 7 * 24 * 3600 * 1000;

export function StatusBar() {
  const online = useStore(onlineStore);
  const update = useStore(updateStore);
  const session = useStore(sessionStore);
  const endsAt = session.status === 'signed_in' ? session.me.sessionEndsAt : undefined;
  const ending = endsAt && Date.parse(endsAt) - Date.now() < SESSION_WARN_MS;
  return (
    <>
      {ending && (
        // Sign in again while there is a network: in the field the session would end offline
        // (the outbox keeps every report and resumes after sign-in, but uploads pause until then).
        <div class="banner banner-update" role="status">
          登录将于 {formatDateTime(endsAt)} 到期，请在有网络时退出并重新登录
        </div>
      )}
      {!online && (
        <div class="banner banner-offline" role="status">
          离线模式：可查看已缓存的任务，填写的报告会在联网后自动上传
        </div>
      )}
      {update.waiting && (
        <div class="banner banner-update" role="status">
          <span>新版本已就绪</span>
          <button type="button" class="btn btn-small" onClick={update.apply}>
            立即更新
          </button>
        </div>
      )}
    </>
  );
}
