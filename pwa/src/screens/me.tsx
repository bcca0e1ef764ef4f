// 我的: who is signed in, text size, version and update, sign out.
import { useState } from 'preact/hooks';
import { ROLE_LABEL } from '../../../shared/labels';
import { useStore } from '../lib/store';
import { updateStore } from '../lib/sw-register';
import { applyTextSize, getTextSize, type TextSize } from '../lib/text-size';
import { FieldSettings, SignOutButton } from '../components/field-settings';
import { MySessions } from '../components/my-sessions';
import { Link } from '../router';
import { sessionStore } from '../state/session';
import { PublicVerifySetting } from '../components/verify-setting';

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
      <div class="card">
        <h2 class="card-title">核验</h2>
        <p class="meta">输入照片水印上的核验码，查看服务器上的报送记录，并比对收到的照片文件。</p>
        <Link class="btn btn-block" href="/v">
          核验照片
        </Link>
      </div>
      {(me.role === 'admin' || me.role === 'superadmin') && (
        <div class="card">
          <h2 class="card-title">管理</h2>
          <Link class="btn btn-block" href="/admin/accounts">
            账号管理
          </Link>
          {me.role === 'admin' && <PublicVerifySetting />}
        </div>
      )}
      <MySessions />
      <FieldSettings />
      <SignOutButton me={me} />
    </section>
  );
}
