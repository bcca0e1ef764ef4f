// What a caller may see of an organisation's plans and items (docs/PERMISSIONS.md).
import type { Item } from '../../../shared/schemas/plan';
import type { SessionUser } from '../env';
import { notFound } from './errors';

/** Another organisation's records are reported as absent, never as forbidden. */
export function assertSameOrg(user: SessionUser, orgId: string): void {
  if (user.role !== 'superadmin' && user.orgId !== orgId) throw notFound();
}

/** A short title of an item: its first clause, for readers who may only see titles. */
export function titleOf(text: string): string {
  const first = text.split(/[。；;，,：:]/)[0] ?? text;
  return first.length > 40 ? `${first.slice(0, 40)}…` : first;
}

/** What a unit user sees of a task that is not theirs: number, headings and title only. */
export function titleOnly(item: Item): Item {
  return {
    ...item,
    text: titleOf(item.text),
    deadline: null,
    leadUnits: [],
    coUnits: [],
    areas: [],
    leaders: [],
    targets: [],
    access: 'title',
  };
}

/** Applies the unit scope to a plan's items; other roles see everything of their organisation. */
export function scopeItems(user: SessionUser, items: Item[], ownItemIds: Set<string> | null): Item[] {
  if (user.role !== 'unit') return items;
  return items.map((it) => (ownItemIds?.has(it.id) ? it : titleOnly(it)));
}
