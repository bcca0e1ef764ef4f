// The states a user can be in, visible without opening anything: offline, a new version.
import { useStore } from '../lib/store';
import { onlineStore } from '../lib/net';
import { updateStore } from '../lib/sw-register';

export function StatusBar() {
  const online = useStore(onlineStore);
  const update = useStore(updateStore);
  return (
    <>
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
