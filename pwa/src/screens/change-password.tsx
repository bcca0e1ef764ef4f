// 修改密码. Shown by the app shell instead of everything else while the one-time initial password
// has not been replaced (forced), and reachable from 我的 at /me/password.
import { useState } from 'preact/hooks';
import { PASSWORD_MIN_LENGTH } from '../../../shared/labels';
import { ApiFailure } from '../api/client';
import { Link } from '../router';
import { changePassword } from '../state/security';
import { signOut } from '../state/session';

type Fields = Partial<Record<'currentPassword' | 'newPassword' | 'confirm', string>>;

function PasswordForm({ forced, onDone }: { forced: boolean; onDone: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fields, setFields] = useState<Fields>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function check(): Fields {
    const f: Fields = {};
    if (!current) f.currentPassword = forced ? '请输入收到的初始密码' : '请输入当前密码';
    if (Array.from(next).length < PASSWORD_MIN_LENGTH) f.newPassword = `新密码至少 ${PASSWORD_MIN_LENGTH} 位`;
    else if (next === current) f.newPassword = '新密码不能与当前密码相同';
    if (confirm !== next) f.confirm = '两次输入的新密码不一致';
    return f;
  }

  async function submit(e: Event) {
    e.preventDefault();
    const f = check();
    setFields(f);
    setError(null);
    if (Object.keys(f).length) return;
    setBusy(true);
    try {
      await changePassword(current, next);
      onDone();
    } catch (err) {
      if (err instanceof ApiFailure) {
        setFields((err.fields ?? {}) as Fields);
        setError(err.fields ? null : err.message);
      } else {
        setError('修改失败，请稍后重试');
      }
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof Fields, label: string, value: string, set: (v: string) => void, autoComplete: string, hint?: string) => (
    <label class="field">
      <span>{label}</span>
      <input
        type="password"
        name={key}
        autoComplete={autoComplete}
        value={value}
        aria-invalid={fields[key] ? true : undefined}
        aria-describedby={fields[key] ? `${key}-error` : undefined}
        onInput={(e) => set(e.currentTarget.value)}
      />
      {hint && !fields[key] && <span class="meta">{hint}</span>}
      {fields[key] && (
        <span class="field-error" id={`${key}-error`}>
          {fields[key]}
        </span>
      )}
    </label>
  );

  return (
    <form class="card form" onSubmit={submit} noValidate>
      {field('currentPassword', forced ? '初始密码' : '当前密码', current, setCurrent, 'current-password')}
      {field('newPassword', '新密码', next, setNext, 'new-password', `至少 ${PASSWORD_MIN_LENGTH} 位；可用汉字、字母、数字和空格，不要用 123456、生日等常见密码`)}
      {field('confirm', '再次输入新密码', confirm, setConfirm, 'new-password')}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <button class="btn btn-primary btn-block" type="submit" disabled={busy}>
        {busy ? '保存中…' : '保存新密码'}
      </button>
    </form>
  );
}

/** The first-sign-in gate: the app opens once the initial password is replaced. */
export function ChangePassword({ forced }: { forced: boolean }) {
  if (!forced) return <VoluntaryChange />;
  return (
    <main class="login">
      <div class="login-brand">
        <h1>设置新密码</h1>
        <p>首次登录，请把收到的初始密码改成只有您知道的新密码。</p>
      </div>
      <PasswordForm forced onDone={() => undefined} />
      <button type="button" class="btn btn-block" onClick={() => void signOut()}>
        退出登录
      </button>
      <p class="login-foot">忘记初始密码？请联系区政府办公室（督查室）重置。</p>
    </main>
  );
}

function VoluntaryChange() {
  const [done, setDone] = useState(false);
  return (
    <section>
      <h1 class="screen-title">修改密码</h1>
      {done ? (
        <div class="card">
          <p class="note note-ok" role="status">
            密码已修改。其他设备上的登录已全部退出，本机保持登录。
          </p>
          <Link class="btn btn-block" href="/me">
            返回“我的”
          </Link>
        </div>
      ) : (
        <PasswordForm forced={false} onDone={() => setDone(true)} />
      )}
    </section>
  );
}

export default function ChangePasswordScreen() {
  return <VoluntaryChange />;
}
