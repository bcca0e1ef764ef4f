// What leaders and the supervision office read: the dashboard of a plan and period, the
// circular (通报), targets, the photo wall, search, the review queue and reminders.
// Response schemas only; the PWA imports these as types (`import type`), never at runtime.
import { z } from 'zod';
import { CYCLES, ITEM_KINDS, REPORT_STATES, REPORT_STATUSES } from '../labels';
import { Id, IsoDate, IsoDateTime, Period, Text } from './common';

export const Colour = z.enum(['red', 'amber', 'green', 'grey']);
export const Timeliness = z.enum(['on_time', 'late', 'missing', 'pending']);
const Status = z.enum(REPORT_STATUSES);
const State = z.enum(REPORT_STATES);
const Count = z.number().int().min(0);
/** How every list names a task: its 编号, its label 指标 N / 任务 N (shared/labels.ts itemLabel:
 *  one label per item everywhere) and its title. */
const TaskWords = { number: z.string(), label: z.string(), title: z.string() };
/** A share between 0 and 1 (null when there is nothing to divide by). */
const Rate = z.number().min(0).max(1).nullable();

/** One count per key, so a count table never lists its enum's values a second time. */
function countsOf<const K extends string>(keys: readonly K[]) {
  return z.object(Object.fromEntries(keys.map((k) => [k, Count])) as Record<K, typeof Count>);
}

export const ColourCounts = countsOf(Colour.options);
export type ColourCounts = z.infer<typeof ColourCounts>;

/** Tasks per report status, and those with no report yet. */
export const StatusCounts = countsOf([...REPORT_STATUSES, 'unreported']);
export type StatusCounts = z.infer<typeof StatusCounts>;

/** Reporting figures over (task, lead unit) pairs of one period. */
export const Reporting = z.object({
  /** (task, lead unit) pairs that owe a report for the period. */
  pairs: Count,
  reported: Count,
  onTime: Count,
  late: Count,
  /** Past the due day without a report. */
  missing: Count,
  /** Not yet reported, the due day not yet passed. */
  pending: Count,
  onTimeRate: Rate,
  reportedRate: Rate,
});
export type Reporting = z.infer<typeof Reporting>;

/** What a group of tasks (a leader's, a unit's) counts: its tasks, their colours, their reporting. */
const GroupFigures = { tasks: Count, colours: ColourCounts, reporting: Reporting };

/** The traffic light of one (task, lead unit, period), by the shared rule colourOf. */
export const Cell = z.object({
  unitId: Id,
  colour: Colour,
  label: z.string(),
  timeliness: Timeliness,
  reportId: Id.nullable(),
  status: Status.nullable(),
  state: State.nullable(),
  percent: z.number().int().nullable(),
  /** First submission in the period (the one that counts for timeliness). */
  firstSubmittedAt: IsoDateTime.nullable(),
});
export type Cell = z.infer<typeof Cell>;

export const DashboardTask = z.object({
  id: Id,
  kind: z.enum(ITEM_KINDS),
  number: z.string(),
  title: z.string(),
  /** Index into `chapters`. */
  chapter: z.number().int(),
  leaderIds: z.array(Id),
  deadline: IsoDate.nullable(),
  /** The worst colour of its lead units (red > amber > grey > green); null without a lead unit. */
  colour: Colour.nullable(),
  label: z.string().nullable(),
  /** The item's stored 指标 3 / 任务 二.3 (`label` above is the traffic-light word); absent in old caches. */
  itemLabel: z.string().optional(),
  cells: z.array(Cell),
  /** Led by the signed-in leader (users.leader_id ↔ item_leaders). */
  mine: z.boolean(),
});
export type DashboardTask = z.infer<typeof DashboardTask>;

/** A group of tasks (chapter, leader): task colours are the tasks' worst colours. */
export const TaskGroup = z.object({
  key: z.string(),
  name: z.string(),
  ...GroupFigures,
});
export type TaskGroup = z.infer<typeof TaskGroup>;

/** A lead unit: its own cells, so colours count (task, this unit) pairs. */
export const UnitRow = z.object({
  unitId: Id,
  name: z.string(),
  ...GroupFigures,
  /** Mean reported percent over its tasks, an unreported task counting 0. */
  avgPercent: z.number().min(0).max(100),
  done: Count,
  behind: Count,
});
export type UnitRow = z.infer<typeof UnitRow>;

export const TrendPoint = z.object({
  period: Period,
  colours: ColourCounts,
  reporting: Reporting,
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const MissingUnit = z.object({
  unitId: Id,
  name: z.string(),
  taskIds: z.array(Id),
  /** True when the due day has passed (逾期未报), false while still 待报. */
  overdue: z.boolean(),
});
export type MissingUnit = z.infer<typeof MissingUnit>;

export const PlanHead = z.object({
  id: Id,
  title: z.string(),
  issuer: z.string(),
  docNumber: z.string().nullable(),
  year: z.number().int(),
  cycle: z.enum(CYCLES),
  dueDay: z.number().int(),
  version: z.number().int(),
});
export type PlanHead = z.infer<typeof PlanHead>;

export const DashboardResponse = z.object({
  plan: PlanHead,
  period: Period,
  /** Periods of the plan year up to the current one, oldest first (the period picker). */
  periods: z.array(Period),
  dueDate: IsoDate,
  pastDue: z.boolean(),
  generatedAt: IsoDateTime,
  /** Tasks (one colour each: the worst of its lead units). */
  taskColours: ColourCounts,
  /** Tasks without a lead unit that can report (only placeholders such as 各镇（街道）). */
  unassigned: Count,
  /** Per (task, lead unit) pair. */
  colours: ColourCounts,
  statuses: StatusCounts,
  reporting: Reporting,
  chapters: z.array(TaskGroup),
  units: z.array(UnitRow),
  leaders: z.array(TaskGroup),
  tasks: z.array(DashboardTask),
  /** Ids of tasks whose colour is red (滞后 / 逾期), the signed-in leader's first. */
  lagging: z.array(Id),
  /** Units with at least one task not reported for the period, most tasks first. */
  missingUnits: z.array(MissingUnit),
  trend: z.array(TrendPoint),
  /** The signed-in leader's own tasks, when the user is a leader. */
  mine: z.object({ leaderId: Id, taskIds: z.array(Id), taskColours: ColourCounts }).nullable(),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;

// ——— one task: periods → units → reports → photos ———

export const PhotoRef = z.object({
  reportId: Id,
  photoId: Id,
  url: z.string(),
  thumbUrl: z.string(),
  takenAt: IsoDateTime.nullable(),
});

export const ReportDigest = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  period: Period,
  status: Status,
  state: State,
  percent: z.number().int(),
  progress: z.string(),
  problems: z.string(),
  nextSteps: z.string(),
  submittedAt: IsoDateTime.nullable(),
  authorName: z.string(),
  photos: z.array(PhotoRef),
  targetValues: z.array(z.object({ targetId: Id, value: z.number() })),
});
export type ReportDigest = z.infer<typeof ReportDigest>;

export const TaskOverview = z.object({
  plan: PlanHead,
  period: Period,
  periods: z.array(Period),
  item: z.object({
    id: Id,
    kind: z.enum(ITEM_KINDS),
    number: z.string(),
    label: z.string().optional(),
    path: z.array(z.string()),
    text: z.string(),
    deadline: IsoDate.nullable(),
    version: z.number().int(),
    leadUnits: z.array(z.object({ id: Id, name: z.string() })),
    coUnits: z.array(z.object({ id: Id, name: z.string() })),
    areas: z.array(z.object({ id: Id, name: z.string() })),
    leaders: z.array(z.object({ id: Id, name: z.string() })),
    targets: z.array(z.object({ id: Id, text: z.string(), value: z.number(), unit: z.string() })),
  }),
  /** Lead units' traffic lights for the period. */
  cells: z.array(Cell.extend({ unitName: z.string() })),
  /** Counted reports of every period, newest first. */
  reports: z.array(ReportDigest),
});
export type TaskOverview = z.infer<typeof TaskOverview>;

// ——— targets ———

export const TargetProgress = z.object({
  targetId: Id,
  itemId: Id,
  ...TaskWords,
  chapter: z.string(),
  text: z.string(),
  target: z.number(),
  unit: z.string(),
  /** The value of the latest counted lead-unit report that gives one; null before any. */
  current: z.number().nullable(),
  ratio: z.number().min(0).nullable(),
  reportId: Id.nullable(),
  unitName: z.string().nullable(),
  period: Period.nullable(),
  submittedAt: IsoDateTime.nullable(),
});
export type TargetProgress = z.infer<typeof TargetProgress>;

export const TargetsResponse = z.object({ plan: PlanHead, targets: z.array(TargetProgress) });

// ——— photo wall ———

export const WallPhoto = PhotoRef.extend({
  itemId: Id,
  ...TaskWords,
  unitId: Id,
  unitName: z.string(),
  period: Period,
  status: Status,
  submittedAt: IsoDateTime,
});
export type WallPhoto = z.infer<typeof WallPhoto>;

export const PhotoWallQuery = z.object({
  unit: Id.optional(),
  chapter: z.coerce.number().int().min(0).max(1000).optional(),
  /** Cursor: the `next` of the previous page. */
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(48),
});
export type PhotoWallQuery = z.infer<typeof PhotoWallQuery>;

export const PhotoWallResponse = z.object({
  photos: z.array(WallPhoto),
  chapters: z.array(z.string()),
  units: z.array(z.object({ id: Id, name: z.string() })),
  next: z.string().nullable(),
});
export type PhotoWallResponse = z.infer<typeof PhotoWallResponse>;

// ——— search ———

export const SEARCH_STATUSES = [...REPORT_STATUSES, 'unreported'] as const;

export const SearchQuery = z.object({
  q: Text().trim().max(100).default(''),
  plan: Id.optional(),
  unit: Id.optional(),
  leader: Id.optional(),
  area: Id.optional(),
  status: z.enum(SEARCH_STATUSES).optional(),
  deadlineFrom: IsoDate.optional(),
  deadlineTo: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z.object({
  id: Id,
  planId: Id,
  planTitle: z.string(),
  kind: z.enum(ITEM_KINDS),
  number: z.string(),
  /** The item's stored label (指标 3 / 任务 二.3; shared/item-labels.ts). */
  label: z.string().optional(),
  title: z.string(),
  /** The text around the first match (or the start of the text). */
  snippet: z.string(),
  leadUnits: z.array(z.string()),
  leaders: z.array(z.string()),
  deadline: IsoDate.nullable(),
  /** Status of the latest counted lead-unit report, any period; null when never reported. */
  status: Status.nullable(),
  percent: z.number().int().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z.object({ total: Count, hits: z.array(SearchHit), mode: z.enum(['fts', 'like', 'filter']) });
export type SearchResponse = z.infer<typeof SearchResponse>;

export const Directory = z.object({
  units: z.array(z.object({ id: Id, name: z.string(), kind: z.enum(['unit', 'group']) })),
  leaders: z.array(z.object({ id: Id, name: z.string() })),
  /** Units named as 主要责任板块 in the plan. */
  areas: z.array(z.object({ id: Id, name: z.string() })),
  chapters: z.array(z.string()),
});
export type Directory = z.infer<typeof Directory>;

// ——— supervision ———

export const QueueEntry = z.object({
  id: Id,
  itemId: Id,
  ...TaskWords,
  unitId: Id,
  unitName: z.string(),
  authorName: z.string(),
  period: Period,
  status: Status,
  percent: z.number().int(),
  progress: z.string(),
  problems: z.string(),
  nextSteps: z.string(),
  submittedAt: IsoDateTime,
  revision: z.number().int(),
  flags: z.array(z.string()),
  photos: z.array(PhotoRef),
});
export type QueueEntry = z.infer<typeof QueueEntry>;

export const ReviewQueueResponse = z.object({ total: Count, entries: z.array(QueueEntry) });
export type ReviewQueueResponse = z.infer<typeof ReviewQueueResponse>;

export const ReminderUnit = z.object({
  unitId: Id,
  name: z.string(),
  tasks: z.array(z.object({ id: Id, ...TaskWords })),
});
export type ReminderUnit = z.infer<typeof ReminderUnit>;

export const RemindersResponse = z.object({
  plan: PlanHead,
  period: Period,
  dueDate: IsoDate,
  pastDue: z.boolean(),
  units: z.array(ReminderUnit),
  /** Ready to paste into a work chat group. */
  message: z.string(),
});
export type RemindersResponse = z.infer<typeof RemindersResponse>;

// ——— circular (通报) ———

export const CircularUnit = z.object({
  rank: z.number().int().min(1),
  unitId: Id,
  name: z.string(),
  tasks: Count,
  reported: Count,
  onTime: Count,
  late: Count,
  missing: Count,
  onTimeRate: Rate,
  avgPercent: z.number(),
  done: Count,
  behind: Count,
});
export type CircularUnit = z.infer<typeof CircularUnit>;

export const CircularTask = z.object({
  id: Id,
  ...TaskWords,
  chapter: z.string(),
  leadUnits: z.array(z.string()),
  leaders: z.array(z.string()),
  /** Its red lead units with the colourOf word: 发改委：滞后, 教育局：逾期未报. */
  labels: z.array(z.string()),
  percent: z.number().int().nullable(),
  problems: z.string(),
});
export type CircularTask = z.infer<typeof CircularTask>;

export const CircularResponse = z.object({
  plan: PlanHead,
  period: Period,
  periodLabel: z.string(),
  dueDate: IsoDate,
  pastDue: z.boolean(),
  generatedAt: IsoDateTime,
  summary: z.string(),
  figures: z.object({
    tasks: Count,
    units: Count,
    taskColours: ColourCounts,
    statuses: StatusCounts,
    reporting: Reporting,
  }),
  units: z.array(CircularUnit),
  lagging: z.array(CircularTask),
  missing: z.array(ReminderUnit),
});
export type CircularResponse = z.infer<typeof CircularResponse>;

export const PeriodQuery = z.object({ period: Period.optional() });
export type PeriodQuery = z.infer<typeof PeriodQuery>;
