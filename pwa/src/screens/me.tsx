// 我的: who is signed in, text size, version and update, sign out.
import { useState } from 'preact/hooks';
import { ROLE_LABEL } from '../../../shared/labels';
import { useStore } from '../lib/store';
import { updateStore } from '../lib/sw-register';
import { applyTextSize, getTextSize, type TextSize } from '../lib/text-size';
import { sessionStore, signOut } from '../state/session';

export default function MeScreen() {
  const session = useStore(sessionStore);
  const update = useStore(updateStore);
  const [size, setSize] = useState<TextSize>(getTextSize());
  if (session.status !== 'signed_in') return null;
  const { me } = session;
  return (
    <section>
      <h1 class="screen-title">我的</h1>
      <div class="card">
        <p class="big">{me.displayName}</p>
        <p class="meta">
          {me.username} · {ROLE_LABEL[me.role]}
        </p>
        <p class="meta">{[me.orgName, me.unitName].filter(Boolean).join(' · ')}</p>
      </div>
      <div class="card">
        <label class="switch-row">
          <span>长者模式（大字）</span>
          <input
            type="checkbox"
            role="switch"
            checked={size === 'large'}
            onChange={(e) => {
              const next: TextSize = e.currentTarget.checked ? 'large' : 'normal';
              applyTextSize(next);
              setSize(next);
            }}
          />
        </label>
        <p class="meta">
          版本 {__APP_VERSION__}
          {update.waiting && (
            <button type="button" class="btn btn-small" onClick={update.apply}>
              更新到新版本
            </button>
          )}
        </p>
      </div>
      <button type="button" class="btn btn-block btn-danger" onClick={() => void signOut()}>
        退出登录
      </button>
    </section>
  );
}
