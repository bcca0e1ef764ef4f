// The screens of the app, their URL patterns and the tab each belongs to. Screens are loaded
// with import() so the first bundle stays small.
import type { Role } from '../../shared/labels';
import type { ScreenModule } from './router';

export type TabKey = 'tasks' | 'outbox' | 'overview' | 'me';

export interface RouteDef {
  pattern: string;
  load: () => Promise<ScreenModule>;
  tab: TabKey;
  /** Roles that may open the screen; all signed-in roles when absent. */
  roles?: Role[];
}

export const routes: RouteDef[] = [
  { pattern: '/', load: () => import('./screens/plans'), tab: 'tasks' },
  { pattern: '/plans/:id', load: () => import('./screens/plan'), tab: 'tasks' },
  { pattern: '/me', load: () => import('./screens/me'), tab: 'me' },
  { pattern: '/admin/import', load: () => import('./screens/import'), tab: 'me', roles: ['admin'] },
];

export interface TabDef {
  key: TabKey;
  label: string;
  href: string;
  roles?: Role[];
}

/** The bottom tab bar (任务 · 待上传 · 总览 · 我的): only tabs whose screens exist are listed. */
export const tabs: TabDef[] = [
  { key: 'tasks', label: '任务', href: '/' },
  { key: 'me', label: '我的', href: '/me' },
];
