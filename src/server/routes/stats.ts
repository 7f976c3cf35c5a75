// Figures (统计): the figures of a body and period, the cases behind a figure, the ranking of
// bodies, and the public yearly figures of the whole deployment.
import type { FastifyInstance } from 'fastify';
import { Type, type TSchema } from 'typebox';
import type { AppContext } from '../context.ts';
import { requireStaff } from '../http/auth.ts';
import {
  ACCEPTANCE_BASES, BREAKDOWN_KEYS, FIGURE_KEYS, NOW_KEYS, ON_TIME_VARIANTS, PERIOD_KINDS, SATISFACTION_BASES, type DrilldownQuery, type FiguresQuery,
} from '../../shared/figures.ts';
import { CASEWORK_ROLES, LIMITS } from '../../shared/enums.ts';
import { localDate } from '../../domain/calendar.ts';
import { computeFigures } from '../services/compute-figures.ts';
import { drillDownFigure } from '../services/drill-down-figure.ts';
import { rankBodies } from '../services/rank-bodies.ts';
import { computeTrend } from '../services/compute-trend.ts';
import { publishFigures } from '../services/publish-figures.ts';

const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Range = Type.Object({ from: Type.String(), to: Type.String() });

const FiguresQuerySchema = {
  org: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, description: 'body id; default the body of your scope' })),
  subtree: Type.Optional(Type.Boolean({ description: 'with the bodies below it (default true)' })),
  period: Type.Union(PERIOD_KINDS.map((p) => Type.Literal(p))),
  from: Type.Optional(DateStr),
  to: Type.Optional(DateStr),
  onTimeVariant: Type.Optional(Type.Union(ON_TIME_VARIANTS.map((p) => Type.Literal(p)))),
  satisfactionBasis: Type.Optional(Type.Union(SATISFACTION_BASES.map((p) => Type.Literal(p)))),
  acceptanceBasis: Type.Optional(Type.Union(ACCEPTANCE_BASES.map((p) => Type.Literal(p)), { description: '受理率 denominator: all decisions (default) or without the diverted' })),
};
type FiguresQs = { org?: number; subtree?: boolean; period: FiguresQuery['period']; from?: string; to?: string; onTimeVariant?: FiguresQuery['onTimeVariant']; satisfactionBasis?: FiguresQuery['satisfactionBasis']; acceptanceBasis?: FiguresQuery['acceptanceBasis'] };

const Resolved = Type.Object({
  orgId: Type.Integer(), orgName: Type.String(), subtree: Type.Boolean(), period: Type.String(), range: Range, prevYear: Range, prevPeriod: Range, comparedThrough: N(Type.String()),
  onTimeVariant: Type.String(), satisfactionBasis: Type.String(), acceptanceBasis: Type.String(),
});
const FigureValue = Type.Object({ value: N(Type.Number()), prevYear: N(Type.Number()), prevPeriod: N(Type.Number()), yoy: N(Type.Number()), mom: N(Type.Number()) });
const BreakdownRow = Type.Object({
  key: Type.String(), labelZh: Type.String(), labelEn: Type.String(), parentKey: Type.Optional(N(Type.String())), submissions: FigureValue, headcount: FigureValue,
});
const LeaderRow = Type.Object({
  userId: Type.Integer(), name: Type.String(), orgId: Type.Integer(), receptionDays: Type.Integer(), receptionVisits: Type.Integer(), receptionHeadcount: Type.Integer(),
  instructions: Type.Integer(), ownedCases: Type.Integer(), ownedConcluded: Type.Integer(),
});
const FiguresSchema = Type.Object({
  query: Resolved,
  today: Type.String(),
  figures: Type.Object(Object.fromEntries(FIGURE_KEYS.map((k) => [k, FigureValue]))),
  now: Type.Object(Object.fromEntries(NOW_KEYS.map((k) => [k, Type.Integer()]))),
  breakdowns: Type.Object(Object.fromEntries(BREAKDOWN_KEYS.map((k) => [k, Type.Array(BreakdownRow)]))),
  leaders: Type.Array(LeaderRow),
});
const RankingSchema = Type.Object({
  query: Resolved,
  rows: Type.Array(Type.Object({
    orgId: Type.Integer(), orgName: Type.String(), rank: Type.Integer(), answered: Type.Integer(), onTimeRate: N(Type.Number()), evaluatedBody: Type.Integer(),
    satisfactionRateBody: N(Type.Number()), concluded: Type.Integer(), submissions: Type.Integer(), overdueNow: Type.Integer(),
  })),
});
const DrillSchema = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.Integer(), caseNo: Type.String(), title: Type.String(), state: Type.String(), kind: Type.String(), channel: Type.String(),
    receivedAt: Type.String(), currentOrgId: Type.Integer(), currentOrgName: N(Type.String()),
  })),
  nextAfter: N(Type.Integer()),
});
const TrendSchema = Type.Object({
  orgId: Type.Integer(), orgName: Type.String(), subtree: Type.Boolean(), year: Type.Integer(),
  months: Type.Array(Type.Object({ month: Type.String(), submissions: N(Type.Integer()), prevYear: Type.Integer() })),
});
const PublicSchema = Type.Object({
  year: Type.Integer(),
  months: Type.Array(Type.Object({ month: Type.String(), submissions: Type.Integer(), onTimeRate: N(Type.Number()), satisfactionRate: N(Type.Number()) })),
  totals: Type.Object({ submissions: Type.Integer(), onTimeRate: N(Type.Number()), satisfactionRate: N(Type.Number()) }),
});

function toQuery(qs: FiguresQs, today: string): FiguresQuery {
  return {
    orgId: qs.org, subtree: qs.subtree, period: qs.period, from: qs.from ?? today, to: qs.to,
    onTimeVariant: qs.onTimeVariant, satisfactionBasis: qs.satisfactionBasis, acceptanceBasis: qs.acceptanceBasis,
  };
}

export default async function statsRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const today = () => localDate(ctx.clock.now());

  app.get('/stats/figures', {
    schema: {
      tags: ['stats'], summary: '统计指标 Figures of a body and period (同比, 环比)',
      querystring: Type.Object(FiguresQuerySchema, { additionalProperties: false }), response: { 200: FiguresSchema },
    },
  }, async (req) => computeFigures(ctx, requireStaff(req), toQuery(req.query as FiguresQs, today())));

  app.get('/stats/drilldown', {
    schema: {
      tags: ['stats'], summary: '指标明细 The cases behind a figure',
      querystring: Type.Object({
        ...FiguresQuerySchema,
        figure: Type.Union([...FIGURE_KEYS, ...NOW_KEYS].map((k) => Type.Literal(k))),
        breakdown: Type.Optional(Type.Union(BREAKDOWN_KEYS.map((k) => Type.Literal(k)))),
        key: Type.Optional(Type.String({ maxLength: 50 })),
        part: Type.Optional(Type.Union([Type.Literal('numerator'), Type.Literal('denominator')])),
        after: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
      }, { additionalProperties: false }),
      response: { 200: DrillSchema },
    },
  }, async (req) => {
    const qs = req.query as FiguresQs & Pick<DrilldownQuery, 'figure' | 'breakdown' | 'key' | 'part' | 'after' | 'limit'>;
    return drillDownFigure(ctx, requireStaff(req, CASEWORK_ROLES), {
      ...toQuery(qs, today()), figure: qs.figure, breakdown: qs.breakdown, key: qs.key, part: qs.part, after: qs.after, limit: qs.limit,
    });
  });

  app.get('/stats/trend', {
    schema: {
      tags: ['stats'], summary: '月度趋势 Submissions month by month through a year, with the same month a year before',
      querystring: Type.Object({
        org: FiguresQuerySchema.org, subtree: FiguresQuerySchema.subtree, year: Type.Integer({ minimum: 2000, maximum: 2100 }),
      }, { additionalProperties: false }),
      response: { 200: TrendSchema },
    },
  }, async (req) => {
    const qs = req.query as { org?: number; subtree?: boolean; year: number };
    return computeTrend(ctx, requireStaff(req), { orgId: qs.org, subtree: qs.subtree, year: qs.year });
  });

  app.get('/stats/ranking', {
    schema: {
      tags: ['stats'], summary: '单位排名 Ranking of the bodies below by on-time rate and satisfaction',
      querystring: Type.Object(FiguresQuerySchema, { additionalProperties: false }), response: { 200: RankingSchema },
    },
  }, async (req) => rankBodies(ctx, requireStaff(req), toQuery(req.query as FiguresQs, today())));

  app.get('/public/figures', {
    schema: {
      tags: ['public'], summary: '信访公开数据 Public figures of a year (no sign-in)',
      querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false }), response: { 200: PublicSchema },
    },
  }, async (req) => publishFigures(ctx, (req.query as { year: number }).year));
}
