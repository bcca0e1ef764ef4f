// 账号管理 (督查室): the organisation's accounts; create one, or one per unit of a plan with a list
// of one-time passwords to hand out (Excel / CSV); reset a password, sign out everywhere, disable.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ROLE_LABEL } from '../../../shared/labels';
import type { PlanSummary } from '../../../shared/schemas/plan';
import { ApiFailure } from '../api/client';
import { Message, Options } from '../components/form-bits';
import { formatDateTime } from '../lib/format';
import {
  accountOptions,
  bulkCreate,
  bulkCreateDownload,
  createAccount,
  listAccounts,
  resetPassword,
  revokeSessions,
  updateAccount,
  type BulkCreateResponse,
  type IssuedAccount,
  type ManagedRole,
  type UserFormOptions,
  type UserSummary,
} from '../state/accounts';
import { useStore } from '../lib/store';
import { fetchPlans } from '../state/plans';
import { sessionStore } from '../state/session';

const message = (e: unknown, fallback = '操作失败，请稍后重试') => (e instanceof ApiFailure ? e.message : fallback);

/** A one-time password, shown once: large, selectable, with who it belongs to. */
function OneTimePassword({ username, password, onClose }: { username: string; password: string; onClose?: () => void }) {
  return (
    <div class="note note-ok" role="status">
      <p>
        用户名 <strong class="secret">{username}</strong>
      </p>
      <p>
        初始密码 <strong class="secret">{password}</strong>
      </p>
      <p class="meta">初始密码只显示这一次，请当面或单独交给本人；首次登录须修改密码。</p>
      {onClose && (
        <button type="button" class="btn btn-small" onClick={onClose}>
          已记下
        </button>
      )}
    </div>
  );
}

function AccountRow({ user, self, onChanged }: { user: UserSummary; self: boolean; onChanged: (u?: UserSummary) => void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [issued, setIssued] = useState<string | null>(null);
  const [name, setName] = useState(user.displayName);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setNote(null);
    try {
      await action();
    } catch (e) {
      setNote(message(e));
    } finally {
      setBusy(false);
    }
  }

  const reset = () =>
    run(async () => {
      if (!confirm(`为 ${user.username} 重置密码？该账号会在所有设备上退出登录，须用新的初始密码登录。`)) return;
      setIssued(await resetPassword(user.id));
      onChanged();
    });
  const revoke = () =>
    run(async () => {
      const n = await revokeSessions(user.id);
      setNote(n ? `已退出 ${n} 个登录设备` : '该账号当前没有登录的设备');
      onChanged();
    });
  const toggle = () =>
    run(async () => {
      if (!user.disabled && !confirm(`停用 ${user.username}？该账号将立即退出所有设备且不能再登录。`)) return;
      onChanged(await updateAccount(user.id, { disabled: !user.disabled }));
    });
  const rename = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      onChanged(await updateAccount(user.id, { displayName: name }));
      setNote('名称已保存');
    });
  };

  return (
    <li class="card">
      <button type="button" class="account-head title-row" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span>
          <strong>{user.displayName}</strong>
          <br />
          <span class="meta">
            {user.username} · {ROLE_LABEL[user.role]}
            {user.unitName && user.unitName !== user.displayName ? ` · ${user.unitName}` : ''}
            {user.leaderName ? ` · ${user.leaderName}` : ''}
          </span>
        </span>
        <span>
          {user.disabled && <span class="tag">已停用</span>}
          {!user.disabled && user.mustChangePassword && <span class="tag tag-pending">未改初始密码</span>}
        </span>
      </button>
      {open && (
        <div>
          <p class="kv">
            <span>最近登录</span>
            <span>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : '从未登录'}</span>
          </p>
          <p class="kv">
            <span>登录设备</span>
            <span>{user.activeSessions} 台</span>
          </p>
          <form class="search-row" onSubmit={rename}>
            <input aria-label="名称" value={name} maxLength={60} onInput={(e) => setName(e.currentTarget.value)} />
            <button type="submit" class="btn btn-small" disabled={busy || !name.trim() || name === user.displayName}>
              改名
            </button>
          </form>
          {issued && <OneTimePassword username={user.username} password={issued} onClose={() => setIssued(null)} />}
          {note && <p class="note">{note}</p>}
          {self ? (
            <p class="meta">这是您自己的账号：请在“我的”中修改密码。</p>
          ) : (
            <div class="row-actions">
              <button type="button" class="btn btn-small" disabled={busy || user.disabled} onClick={() => void reset()}>
                重置密码
              </button>
              <button type="button" class="btn btn-small" disabled={busy} onClick={() => void revoke()}>
                退出全部登录
              </button>
              <button type="button" class={user.disabled ? 'btn btn-small' : 'btn btn-small btn-danger'} disabled={busy} onClick={() => void toggle()}>
                {user.disabled ? '启用账号' : '停用账号'}
              </button>
            </div>
          )}
        </div>
      )}
    </li>
  );
}

function CreateForm({ options, onCreated }: { options: UserFormOptions | null; onCreated: () => void }) {
  const [role, setRole] = useState<ManagedRole>('unit');
  const [unitId, setUnitId] = useState('');
  const [leaderId, setLeaderId] = useState('');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedAccount | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const res = await createAccount({
        username: username.trim(),
        displayName: displayName.trim(),
        role,
        unitId: role === 'unit' ? unitId || undefined : undefined,
        leaderId: role === 'leader' ? leaderId || undefined : undefined,
      });
      setIssued(res);
      setUsername('');
      setDisplayName('');
      onCreated();
    } catch (err) {
      if (err instanceof ApiFailure && err.fields) setFields(err.fields);
      setError(message(err, '创建失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  }

  const err = (k: string) => fields[k] && <span class="field-error">{fields[k]}</span>;
  return (
    <form class="card form" onSubmit={submit} noValidate>
      <h2 class="card-title">新建账号</h2>
      <label class="field">
        <span>角色</span>
        <select value={role} onChange={(e) => setRole(e.currentTarget.value as ManagedRole)}>
          <option value="unit">{ROLE_LABEL.unit}（报送人员）</option>
          <option value="leader">{ROLE_LABEL.leader}</option>
          <option value="admin">{ROLE_LABEL.admin}</option>
        </select>
      </label>
      {role === 'unit' && (
        <label class="field">
          <span>责任单位</span>
          <select
            value={unitId}
            onChange={(e) => {
              setUnitId(e.currentTarget.value);
              const unit = options?.units.find((u) => u.id === e.currentTarget.value);
              if (unit && !displayName) setDisplayName(unit.name);
            }}
          >
            <option value="">请选择单位</option>
            {options?.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
                {u.accounts ? `（已有 ${u.accounts} 个账号）` : ''}
              </option>
            ))}
          </select>
          {err('unitId')}
        </label>
      )}
      {role === 'leader' && (options?.leaders.length ?? 0) > 0 && (
        <label class="field">
          <span>对应领导（可不选）</span>
          <select value={leaderId} onChange={(e) => setLeaderId(e.currentTarget.value)}>
            <Options empty="不关联" items={options?.leaders} />
          </select>
        </label>
      )}
      <label class="field">
        <span>用户名</span>
        <input value={username} autoCapitalize="off" autoComplete="off" maxLength={64} onInput={(e) => setUsername(e.currentTarget.value)} />
        <span class="meta">登录时输入，可用汉字、字母、数字和 . _ - 等符号，例如 wuzhong-发改委</span>
        {err('username')}
      </label>
      <label class="field">
        <span>姓名或名称</span>
        <input value={displayName} maxLength={60} onInput={(e) => setDisplayName(e.currentTarget.value)} />
        {err('displayName')}
      </label>
      <Message text={!Object.keys(fields).length && error} />
      <button type="submit" class="btn btn-primary btn-block" disabled={busy || !username.trim() || !displayName.trim()}>
        {busy ? '创建中…' : '创建账号'}
      </button>
      {issued && <OneTimePassword username={issued.user.username} password={issued.initialPassword} onClose={() => setIssued(null)} />}
    </form>
  );
}

function BulkForm({ plans, onCreated }: { plans: PlanSummary[]; onCreated: () => void }) {
  const [planId, setPlanId] = useState('');
  const [prefix, setPrefix] = useState('');
  const [reissue, setReissue] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [shown, setShown] = useState<BulkCreateResponse | null>(null);

  useEffect(() => {
    if (!planId && plans[0]) setPlanId(plans[0].id);
  }, [plans]);

  async function run(format: 'xlsx' | 'csv' | 'json') {
    setBusy(true);
    setError(null);
    setDone(null);
    setShown(null);
    const input = { planId, prefix: prefix.trim() || undefined, reissuePending: reissue || undefined };
    try {
      if (format === 'json') {
        const res = await bulkCreate(input);
        setShown(res);
        setDone(`新建 ${res.created.length} 个账号，重新生成 ${res.reissued.length} 个初始密码，${res.skipped.length} 个单位已有账号`);
      } else {
        const n = await bulkCreateDownload(input, format);
        setDone(
          n.created + n.reissued
            ? `已下载清单：新建 ${n.created} 个账号，重新生成 ${n.reissued} 个初始密码（${n.skipped} 个单位已有账号）`
            : `没有需要新建的账号（${n.skipped} 个单位已有账号）`,
        );
      }
      onCreated();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  }

  const issued = shown ? [...shown.created, ...shown.reissued] : [];
  return (
    <div class="card form">
      <h2 class="card-title">按工作方案批量创建</h2>
      <p class="meta">为方案中每个还没有账号的责任单位各建一个报送账号，并生成一次性初始密码清单，便于分发。</p>
      <label class="field">
        <span>工作方案</span>
        <select value={planId} onChange={(e) => setPlanId(e.currentTarget.value)}>
          <Options empty={plans.length === 0 ? '暂无工作方案' : undefined} items={plans.map((p) => ({ id: p.id, name: p.title }))} />
        </select>
      </label>
      <label class="field">
        <span>用户名前缀（可不填）</span>
        <input value={prefix} maxLength={20} autoCapitalize="off" placeholder="如 wuzhong" onInput={(e) => setPrefix(e.currentTarget.value.toLowerCase())} />
        <span class="meta">用户名为“前缀-单位名称”，例如 wuzhong-发改委</span>
      </label>
      <label class="switch-row">
        <span>同时为从未登录的账号重新生成初始密码</span>
        <input type="checkbox" checked={reissue} onChange={(e) => setReissue(e.currentTarget.checked)} />
      </label>
      <Message text={error} />
      <Message text={done} class="note note-ok" />
      <div class="row-actions">
        <button type="button" class="btn btn-primary" disabled={busy || !planId} onClick={() => void run('xlsx')}>
          创建并下载 Excel
        </button>
        <button type="button" class="btn" disabled={busy || !planId} onClick={() => void run('csv')}>
          创建并下载 CSV
        </button>
        <button type="button" class="btn" disabled={busy || !planId} onClick={() => void run('json')}>
          创建并在此显示
        </button>
      </div>
      {busy && <p class="meta" aria-live="polite">正在生成账号和密码…</p>}
      {issued.length > 0 && (
        <ul class="list" aria-label="新账号及初始密码">
          {issued.map((a) => (
            <li key={a.user.id} class="kv">
              <span>
                {a.user.displayName}
                <br />
                <span class="secret">{a.user.username}</span>
              </span>
              <span class="secret">{a.initialPassword}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default function AccountsScreen() {
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [options, setOptions] = useState<UserFormOptions | null>(null);
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const session = useStore(sessionStore);
  const me = session.status === 'signed_in' ? session.me.id : null;

  async function load() {
    try {
      setUsers(await listAccounts());
      setError(null);
    } catch (e) {
      setError(message(e, '无法加载账号列表'));
    }
  }

  useEffect(() => {
    void load();
    void accountOptions().then(setOptions, () => undefined);
    void fetchPlans().then(setPlans, () => undefined);
  }, []);

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!users || !q) return users;
    return users.filter((u) => [u.username, u.displayName, u.unitName ?? ''].some((s) => s.toLowerCase().includes(q)));
  }, [users, filter]);

  const pending = users?.filter((u) => u.mustChangePassword && !u.disabled).length ?? 0;
  return (
    <section class="accounts">
      <h1 class="screen-title">账号管理</h1>
      {users && (
        <p class="meta">
          共 <strong>{users.length}</strong> 个账号 · 未改初始密码 <strong>{pending}</strong> 个 · 已停用{' '}
          <strong>{users.filter((u) => u.disabled).length}</strong> 个
        </p>
      )}
      <h2 class="section-title">新建</h2>
      <CreateForm options={options} onCreated={() => void load()} />
      <BulkForm plans={plans} onCreated={() => void load()} />
      <h2 class="section-title">全部账号</h2>
      <div class="search-row">
        <input type="search" aria-label="查找账号" placeholder="按用户名、名称或单位查找" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      </div>
      {error && <p class="empty">{error}</p>}
      {!users && !error && <p class="loading">加载中…</p>}
      {shown && shown.length === 0 && <p class="empty">没有符合条件的账号。</p>}
      <ul class="list" aria-label="账号列表">
        {shown?.map((u) => (
          <AccountRow
            key={u.id}
            user={u}
            self={u.id === me}
            onChanged={(updated) => (updated ? setUsers((all) => all?.map((x) => (x.id === updated.id ? updated : x)) ?? null) : void load())}
          />
        ))}
      </ul>
    </section>
  );
}
