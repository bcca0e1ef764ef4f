// A small path router: the URL is the state, screens load lazily with import().
import type { AnchorHTMLAttributes, ComponentChildren, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { createStore, useStore } from './lib/store';
import { usePaintHold } from './lib/first-paint';

export const locationStore = createStore(currentPath());

function currentPath(): string {
  return typeof location === 'undefined' ? '/' : location.pathname + location.search;
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => locationStore.set(currentPath()));
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === currentPath()) return;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  locationStore.set(currentPath());
  window.scrollTo(0, 0);
}

export function usePath(): { path: string; query: URLSearchParams } {
  const full = useStore(locationStore);
  const [path, search = ''] = full.split('?');
  return { path: path ?? '/', query: new URLSearchParams(search) };
}

/** Matches '/plans/:id' against '/plans/abc' → { id: 'abc' }. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(s[i]!);
    else if (seg !== s[i]) return null;
  }
  return params;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children?: ComponentChildren };

export function Link({ href, onClick, ...rest }: LinkProps) {
  return (
    <a
      href={href}
      onClick={(e) => {
        if (onClick) (onClick as (ev: MouseEvent) => void)(e as unknown as MouseEvent);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        navigate(href);
      }}
      {...rest}
    />
  );
}

export type ScreenProps = { params: Record<string, string>; query: URLSearchParams };
export type ScreenModule = { default: ComponentType<ScreenProps> };

const loaded = new Map<() => Promise<ScreenModule>, ComponentType<ScreenProps>>();

/**
 * Starts loading a screen's chunk now (app start: the task list's chunk loads while the session
 * is read from IndexedDB, not after it), so LazyScreen can render it without a placeholder.
 */
export function preloadScreen(load: () => Promise<ScreenModule>): void {
  if (loaded.has(load)) return;
  load().then((m) => void loaded.set(load, m.default), () => undefined);
}

/**
 * Renders a lazily imported screen, showing a quiet placeholder while its chunk loads.
 * The loaded component is kept together with the route it belongs to: on a route change the
 * state still holds the previous screen for one render, and rendering it with the new route's
 * params (leaving /tasks/:id/report for /outbox gave the report form id = undefined, and its
 * IndexedDB read threw DataError) is exactly what must not happen.
 */
export function LazyScreen({ load, ...props }: ScreenProps & { load: () => Promise<ScreenModule> }) {
  const [state, setState] = useState<{ load: () => Promise<ScreenModule>; Comp: ComponentType<ScreenProps> } | undefined>(() => {
    const Comp = loaded.get(load);
    return Comp ? { load, Comp } : undefined;
  });
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const known = loaded.get(load);
    if (known) {
      setState({ load, Comp: known });
      return;
    }
    let live = true;
    setFailed(false);
    load().then(
      (m) => {
        loaded.set(load, m.default);
        if (live) setState({ load, Comp: m.default });
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [load]);
  const Comp = state?.load === load ? state.Comp : loaded.get(load);
  // App start's network work waits while the first screen's chunk loads (lib/first-paint.ts).
  usePaintHold(!!Comp || failed);
  if (failed) return <p class="empty">页面加载失败，请检查网络后重试。</p>;
  return Comp ? <Comp {...props} /> : <p class="loading" aria-live="polite">加载中…</p>;
}

