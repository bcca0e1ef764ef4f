// Data of the leader views (总览): which plan is shown, the dashboard of a period (kept in memory
// for the drill-down lists, and the last one per plan in IndexedDB for a car with no signal).
import type { DashboardResponse } from '../../../shared/schemas/dashboard';
import type { PlanSummary } from '../../../shared/schemas/plan';
import { api, unwrap } from '../api/client';
import { getMeta, setMeta } from '../db/meta';
import { fetchPlans, cachedPlans } from './plans';
import { newestFirst } from '../components/year-notice';

const PLAN_KEY = 'duban.overviewPlan';

/**
 * The plan to show: the one in the URL, else the last one chosen if it is of the newest year,
 * else the newest — a new year's plan takes over 总览 at once (last year is one tap away).
 */
export function choosePlan(plans: PlanSummary[], requested: string | null): PlanSummary | null {
  const remembered = typeof localStorage === 'undefined' ? null : localStorage.getItem(PLAN_KEY);
  return newestFirst(plans, requested, remembered);
}

export function rememberPlan(planId: string): void {
  localStorage.setItem(PLAN_KEY, planId);
}

export async function leaderPlans(): Promise<PlanSummary[]> {
  try {
    return await fetchPlans();
  } catch (e) {
    const cached = await cachedPlans();
    if (cached.length) return cached;
    throw e;
  }
}

const memory = new Map<string, DashboardResponse>();
const key = (planId: string, period: string | null) => `${planId}|${period ?? ''}`;
const metaKey = (planId: string) => `dashboard:${planId}` as const;

/** What is already on this phone: the same period from memory, or the plan's last dashboard. */
export async function cachedDashboard(planId: string, period: string | null): Promise<DashboardResponse | null> {
  const hit = memory.get(key(planId, period));
  if (hit) return hit;
  const stored = await getMeta(metaKey(planId));
  if (stored && (!period || stored.period === period)) return stored;
  return null;
}

export async function fetchDashboard(planId: string, period: string | null): Promise<DashboardResponse> {
  const query = period ? { period } : {};
  const data = await unwrap(api.api.plans[':id'].dashboard.$get({ param: { id: planId }, query }));
  memory.set(key(planId, period), data);
  memory.set(key(planId, data.period), data);
  await setMeta(metaKey(planId), data);
  return data;
}

/** Query string of the overview and its lists (plan and period first). */
export function overviewHref(path: string, planId: string, period: string, extra: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams({ plan: planId, period });
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') q.set(k, String(v));
  return `${path}?${q}`;
}
