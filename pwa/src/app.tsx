// The app shell: session gate, header, the current screen and the bottom tab bar.
import { useEffect } from 'preact/hooks';
import { ROLE_LABEL } from '../../shared/labels';
import { StatusBar } from './components/status-bar';
import { TabBar } from './components/tab-bar';
import { useStore } from './lib/store';
import { LazyScreen, matchPath, usePath } from './router';
import { routes } from './routes';
import { Login } from './screens/login';
import { refreshSession, sessionStore } from './state/session';

export function App() {
  const session = useStore(sessionStore);
  const { path, query } = usePath();

  useEffect(() => {
    void refreshSession();
  }, []);

  if (session.status === 'loading') {
    return <p class="splash" aria-live="polite">督办 · 加载中…</p>;
  }
  if (session.status === 'signed_out') {
    return <Login reason={session.reason} />;
  }

  const { me } = session;
  let match: { route: (typeof routes)[number]; params: Record<string, string> } | null = null;
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params && (!route.roles || route.roles.includes(me.role) || me.role === 'superadmin')) {
      match = { route, params };
      break;
    }
  }

  return (
    <div class="shell">
      <header class="app-header">
        <span class="app-title">督办</span>
        <span class="app-who">
          {me.unitName ?? me.orgName ?? ''} · {ROLE_LABEL[me.role]}
        </span>
      </header>
      <StatusBar />
      <main class="screen" id="main">
        {match ? (
          <LazyScreen load={match.route.load} params={match.params} query={query} />
        ) : (
          <p class="empty">页面不存在。</p>
        )}
      </main>
      <TabBar active={match?.route.tab ?? null} role={me.role} />
    </div>
  );
}
