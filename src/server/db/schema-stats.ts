// Kysely table types for the stats area (mirror its migrations: 0002_stats.sql, 0011_stats_queue.sql).
import type { ColumnType } from 'kysely';

/** A local date 'YYYY-MM-DD'. */
type LocalDate = string;
type Count = ColumnType<number, number | undefined, number>;

/** What one case adds to the figures: one row per metric, dimension value, body and day. */
export interface StatsCaseContribTable {
  case_id: number;
  metric: string;
  dim: string;
  org_id: number;
  org_path: string;
  day: LocalDate;
  /** count (批次, cases, events) */
  n: number;
  /** weight (人次 for submissions; otherwise equal to n) */
  w: number;
}

/** Sums of the contributions per body (alone or with its subtree), per day ('d') or month ('m'). */
export interface StatsRollupsTable {
  org_id: number;
  tree: boolean;
  grain: string;
  bucket: LocalDate;
  metric: string;
  dim: string;
  n: Count;
  w: Count;
}

/** A change of the contributions not yet folded into stats_rollups (the body's own row; append-only). */
export interface StatsRollupDeltasTable {
  org_id: number;
  org_path: string;
  day: LocalDate;
  metric: string;
  dim: string;
  n: number;
  w: number;
}

/** A case whose figures are to be re-applied (append-only; taken by the settler). */
export interface StatsCaseQueueTable {
  case_id: number;
}

export interface StatsTables {
  stats_case_contrib: StatsCaseContribTable;
  stats_rollups: StatsRollupsTable;
  stats_rollup_deltas: StatsRollupDeltasTable;
  stats_case_queue: StatsCaseQueueTable;
}
