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
  // 我的任务 for unit users; the screen renders the plan list for every other role.
  { pattern: '/', load: () => import('./screens/my-tasks'), tab: 'tasks' },
  { pattern: '/tasks/:id', load: () => import('./screens/task'), tab: 'tasks' },
  { pattern: '/tasks/:id/report', load: () => import('./screens/report-form'), tab: 'tasks' },
  { pattern: '/outbox', load: () => import('./screens/outbox'), tab: 'outbox' },
  { pattern: '/plans/:id', load: () => import('./screens/plan'), tab: 'tasks' },
  { pattern: '/me', load: () => import('./screens/me'), tab: 'me' },
  // 总览 and the supervision office's views (docs/PERMISSIONS.md).
  { pattern: '/overview', load: () => import('./screens/overview'), tab: 'overview', roles: ['admin', 'leader'] },
  { pattern: '/overview/list', load: () => import('./screens/overview-list'), tab: 'overview', roles: ['admin', 'leader'] },
  { pattern: '/overview/tasks/:id', load: () => import('./screens/task-overview'), tab: 'overview', roles: ['admin', 'leader'] },
  { pattern: '/overview/tasks/:id/edit', load: () => import('./screens/task-edit'), tab: 'overview', roles: ['admin'] },
  { pattern: '/photos', load: () => import('./screens/photos'), tab: 'overview', roles: ['admin', 'leader'] },
  { pattern: '/targets', load: () => import('./screens/targets'), tab: 'overview', roles: ['admin', 'leader'] },
  { pattern: '/search', load: () => import('./screens/search'), tab: 'overview', roles: ['admin', 'leader'] },
  { pattern: '/review', load: () => import('./screens/review'), tab: 'overview', roles: ['admin'] },
  { pattern: '/reminders', load: () => import('./screens/reminders'), tab: 'overview', roles: ['admin'] },
  { pattern: '/circular/:planId/:period', load: () => import('./screens/circular'), tab: 'overview', roles: ['admin', 'leader'] },
  { pattern: '/plans/:id/settings', load: () => import('./screens/plan-settings'), tab: 'overview', roles: ['admin'] },
  { pattern: '/admin/import', load: () => import('./screens/import'), tab: 'me', roles: ['admin'] },
  { pattern: '/admin/accounts', load: () => import('./screens/accounts'), tab: 'me', roles: ['admin'] },
  { pattern: '/me/password', load: () => import('./screens/password'), tab: 'me' },
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
  { key: 'outbox', label: '待上传', href: '/outbox', roles: ['unit'] },
  { key: 'overview', label: '总览', href: '/overview', roles: ['admin', 'leader'] },
  { key: 'me', label: '我的', href: '/me' },
];
