import type { Role } from '../../../shared/labels';
import { Link } from '../router';
import { tabs, type TabKey } from '../routes';

const ICONS: Record<TabKey, string> = {
  tasks: 'M4 5h16v2H4zm0 6h16v2H4zm0 6h10v2H4z',
  outbox: 'M12 3l5 5h-3v6h-4V8H7zm-8 13h4v3h8v-3h4v5H4z',
  overview: 'M4 20V10h4v10zm6 0V4h4v16zm6 0v-7h4v7z',
  me: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-8 8c0-4 4-6 8-6s8 2 8 6z',
};

export function TabBar({ active, role, badges }: { active: TabKey | null; role: Role; badges?: Partial<Record<TabKey, number>> }) {
  const visible = tabs.filter((t) => !t.roles || t.roles.includes(role) || role === 'superadmin');
  return (
    <nav class="tab-bar" aria-label="主导航">
      {visible.map((t) => {
        const badge = badges?.[t.key];
        return (
          <Link key={t.key} href={t.href} class={t.key === active ? 'tab active' : 'tab'} aria-current={t.key === active ? 'page' : undefined}>
            <svg viewBox="0 0 24 24" aria-hidden="true" width="24" height="24">
              <path d={ICONS[t.key]} fill="currentColor" />
            </svg>
            <span>{t.label}</span>
            {badge ? <span class="tab-badge" aria-label={`${badge} 项`}>{badge}</span> : null}
          </Link>
        );
      })}
    </nav>
  );
}
