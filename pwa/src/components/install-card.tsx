// The "安装到手机桌面" card shown before capturing offline, and in Settings.
import { useStore } from '../lib/store';
import { dismissInstall, installStore, promptInstall } from './install';

export function InstallCard({ always = false }: { always?: boolean }) {
  const s = useStore(installStore);
  if (s.installed) return always ? <p class="meta">已安装到桌面：离线填报的内容由本应用单独保存。</p> : null;
  if (!always && s.dismissed) return null;
  if (!s.canPrompt && !s.ios && !always) return null;
  return (
    <div class="card install-card" role="region" aria-label="安装到手机桌面">
      <p class="install-title">先把“督办”安装到手机桌面</p>
      <p class="meta">
        没有信号时也能打开、填报和保存照片。浏览器可能清除长期未用网站的数据，安装后的应用会单独保存待上传的报告。
      </p>
      {s.canPrompt ? (
        <button type="button" class="btn btn-primary" onClick={() => void promptInstall()}>
          安装到桌面
        </button>
      ) : s.ios ? (
        <ol class="install-steps">
          <li>
            点 Safari 底部的 <strong>分享</strong> 按钮（方框加向上箭头）
          </li>
          <li>
            选择 <strong>添加到主屏幕</strong>，再点 <strong>添加</strong>
          </li>
          <li>以后从桌面的“督办”图标打开</li>
        </ol>
      ) : (
        <p class="meta">在浏览器菜单中选择“安装应用”或“添加到主屏幕”。</p>
      )}
      {!always && (
        <button type="button" class="btn btn-small btn-link" onClick={dismissInstall}>
          暂不安装
        </button>
      )}
    </div>
  );
}
