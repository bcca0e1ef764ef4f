// Enum values and their Chinese labels, free of zod so the PWA can import them at runtime
// without pulling the schema library into its first bundle. Schemas build their enums from these.
/** An enum's values, in order, from its label table: each value is written once. */
function valuesOf<const K extends string>(labels: Record<K, string>): [K, ...K[]] {
  return Object.keys(labels) as [K, ...K[]];
}

export const ROLE_LABEL = { superadmin: '系统管理员', admin: '督查室', leader: '区领导', unit: '责任单位' } as const;
export const ROLES = valuesOf(ROLE_LABEL);
export type Role = keyof typeof ROLE_LABEL;

export const REPORT_STATUS_LABEL = { not_started: '未启动', on_track: '正常推进', behind: '滞后', done: '已完成', blocked: '存在困难' } as const;
export const REPORT_STATUSES = valuesOf(REPORT_STATUS_LABEL);
export type ReportStatus = keyof typeof REPORT_STATUS_LABEL;

export const REPORT_STATE_LABEL = { draft: '草稿', submitted: '已报送', returned: '被退回', accepted: '审核通过' } as const;
export const REPORT_STATES = valuesOf(REPORT_STATE_LABEL);
export type ReportState = keyof typeof REPORT_STATE_LABEL;

export const ITEM_KIND_LABEL = { indicator: '指标', task: '任务', draft: '待确认' } as const;
export const ITEM_KINDS = valuesOf(ITEM_KIND_LABEL);
export type ItemKind = keyof typeof ITEM_KIND_LABEL;

export const CYCLE_LABEL = { monthly: '每月', quarterly: '每季度', half_yearly: '每半年' } as const;
export const CYCLES = valuesOf(CYCLE_LABEL);
export type Cycle = keyof typeof CYCLE_LABEL;

export const MAX_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/webp'] as const;

/** Header with the phone's clock at upload time, so the server can flag skewed clocks. */
export const CLIENT_TIME_HEADER = 'x-client-time';
/** Header with the hex SHA-256 of an uploaded photo body. */
export const CONTENT_SHA256_HEADER = 'x-content-sha256';

/** Passwords: at least this long, no composition rules (OWASP ASVS; checked again by the server). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * The one label of a plan item everywhere — screens, watermark, 催报, 通报, exports: 指标 3 / 任务 12.
 * Indicators and tasks are numbered in separate series, so the kind is part of the label: without it
 * 指标 1 and 任务 1 would both read "1." (docs/ARCHITECTURE.md). The server stores each item's
 * label, unique within its plan (shared/item-labels.ts); the kind + number fallback is for data a
 * phone cached before labels were stored.
 */
export function itemLabel(item: { kind: ItemKind | string; number: string; label?: string }): string {
  if (item.label) return item.label;
  const kind = ITEM_KIND_LABEL[item.kind as ItemKind] ?? '任务';
  return item.number ? `${kind} ${item.number}` : kind;
}

/** The item label of a dashboard row, whose own `label` is its traffic-light word. */
export function taskRowLabel(t: { kind: ItemKind | string; number: string; itemLabel?: string }): string {
  return itemLabel({ kind: t.kind, number: t.number, label: t.itemLabel });
}

/**
 * How the circular ranks units, said on its page and in its XLSX: by results only — never by the
 * number of reports, posts or time online (基层减负). A late report is a result delivered, so a unit
 * that reported late ranks above one that did not report at all.
 */
export const RANKING_RULE =
  '排名规则：先比按时报送率；相同时比报送率（含逾期补报，补报的单位排在未报送的单位之前）；再相同时比平均完成进度；再比滞后任务数（少者在前）。以上全部相同的单位并列同一名次，按单位名称排列。不以报送次数、在线时长等工作痕迹排名。';
