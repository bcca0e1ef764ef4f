// The app shell: session gate, header, the current screen and the bottom tab bar.
import { useEffect } from 'preact/hooks';
import { ROLE_LABEL } from '../../shared/labels';
import { listenForInstall } from './components/install';
import { OutboxBanner } from './components/outbox-banner';
import { StatusBar } from './components/status-bar';
import { TabBar } from './components/tab-bar';
import { useStore } from './lib/store';
import { LazyScreen, matchPath, usePath } from './router';
import { routes } from './routes';
import { ChangePassword } from './screens/change-password';
import { Login } from './screens/login';
import { refreshSession, sessionStore } from './state/session';
import { afterFirstPaint, releaseStartHold } from './lib/first-paint';
import { outboxSummaryStore } from './outbox/signal';

// Caught before any screen asks: the prompt fires once, early.
listenForInstall();

const loadVerify = () => import('./screens/verify');

export function App() {
  const session = useStore(sessionStore);
  const { path, query } = usePath();

  const outbox = useStore(outboxSummaryStore);

  useEffect(() => {
    void refreshSession({ ifKnown: true });
  }, []);
  // The screen for who is (or is not) signed in is rendered: the first paint now waits only for
  // that screen's own data (lib/first-paint.ts).
  useEffect(() => {
    if (session.status !== 'loading') releaseStartHold();
  }, [session.status]);

  // The field sync (outbox drain + pulling the user's tasks) starts once someone is signed in,
  // after the first screen is painted from the cache; loaded lazily to keep it out of the first
  // bundle. Not before the initial password is changed: every data call would answer 403 until then.
  const signedInId = session.status === 'signed_in' && !session.me.mustChangePassword ? session.me.id : null;
  useEffect(() => {
    if (!signedInId) return;
    afterFirstPaint(() => {
      const now = sessionStore.get();
      if (now.status === 'signed_in' && now.me.id === signedInId) void import('./outbox/runtime').then((m) => m.startFieldSync());
    });
  }, [signedInId]);

  // The verification page a photo's QR code opens: for anyone, signed in or not, before any gate.
  const verifyParams = matchPath('/v/:code', path) ?? matchPath('/v', path);
  if (verifyParams) {
    return (
      <div class="public-shell">
        <header class="app-header">
          <span class="app-title">督办</span>
          <a class="app-who" href="/">
            {session.status === 'signed_in' ? '返回督办' : '登录督办'}
          </a>
        </header>
        <main class="screen" id="main">
          <LazyScreen load={loadVerify} params={verifyParams} query={query} />
        </main>
      </div>
    );
  }

  if (session.status === 'loading') {
    return <p class="splash" aria-live="polite">督办 · 加载中…</p>;
  }
  if (session.status === 'signed_out') {
    return <Login reason={session.reason} />;
  }

  const { me } = session;
  // First sign-in: nothing else until the one-time initial password is replaced.
  if (me.mustChangePassword) return <ChangePassword forced />;
  let match: { route: (typeof routes)[number]; params: Record<string, string> } | null = null;
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params && (!route.roles || route.roles.includes(me.role) || me.role === 'superadmin')) {
      match = { route, params };
      break;
    }
  }

  return (
    <div class="shell" data-role={me.role}>
      <header class="app-header">
        <span class="app-title">督办</span>
        <span class="app-who">
          {me.unitName ?? me.orgName ?? ''} · {ROLE_LABEL[me.role]}
        </span>
      </header>
      <StatusBar />
      <OutboxBanner />
      <main class="screen" id="main">
        {match ? (
          <LazyScreen load={match.route.load} params={match.params} query={query} />
        ) : (
          <p class="empty">页面不存在。</p>
        )}
      </main>
      <TabBar active={match?.route.tab ?? null} role={me.role} badges={{ outbox: outbox.unsent }} />
    </div>
  );
}
