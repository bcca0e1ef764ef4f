// Sign-in. Part of the first bundle: it is the first screen of a new phone.
import { useState } from 'preact/hooks';
import { ApiFailure } from '../api/client';
import { Message, TextField } from '../components/form-bits';
import { signIn } from '../state/session';

export function Login({ reason }: { reason?: string }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(reason ?? null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : '登录失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login">
      <div class="login-brand">
        <img src="/icons/icon-192.png" alt="" width="64" height="64" />
        <h1>督办</h1>
        <p>工作任务进展报送与督查</p>
      </div>
      <form class="card form" onSubmit={submit} noValidate>
        <TextField label="用户名" name="username" autoComplete="username" autoCapitalize="off" required value={username} onValue={setUsername} />
        <TextField label="密码" name="password" password autoComplete="current-password" required value={password} onValue={setPassword} />
        <Message text={error} />
        <button class="btn btn-primary btn-block" type="submit" disabled={busy || !username || !password}>
          {busy ? '登录中…' : '登录'}
        </button>
      </form>
      <p class="login-foot">账号由区政府办公室（督查室）统一分配</p>
    </main>
  );
}
