// Vocabulary of the dispute-screening register (矛盾纠纷排查), shared by the server and the console.

export const DISPUTE_TYPES = [
  'marriage_family', 'neighbour', 'land_contract', 'land_requisition', 'wages', 'homestead', 'forest_water',
  'damages', 'environment', 'property_management', 'medical', 'other',
] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];
export const DISPUTE_TYPE_LABELS: Record<DisputeType, [zh: string, en: string]> = {
  marriage_family: ['婚姻家庭', 'Marriage and family'],
  neighbour: ['邻里纠纷', 'Neighbours'],
  land_contract: ['土地承包', 'Land contracts'],
  land_requisition: ['征地拆迁', 'Land requisition and demolition'],
  wages: ['劳资纠纷', 'Wages and labour'],
  homestead: ['宅基地', 'Homestead'],
  forest_water: ['山林水利', 'Forest and water'],
  damages: ['损害赔偿', 'Damages'],
  environment: ['环境污染', 'Pollution'],
  property_management: ['物业管理', 'Property management'],
  medical: ['医疗纠纷', 'Medical'],
  other: ['其他', 'Other'],
};

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_LABELS: Record<RiskLevel, [string, string]> = {
  low: ['一般', 'Low'],
  medium: ['较大', 'Medium'],
  high: ['重大', 'High'],
};

/** open = 在册化解中; resolved = 已化解; unresolved = 未化解; converted = 转入信访 (became a case). */
export const DISPUTE_STATUSES = ['open', 'resolved', 'unresolved', 'converted'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, [string, string]> = {
  open: ['化解中', 'In progress'],
  resolved: ['已化解', 'Resolved'],
  unresolved: ['未化解', 'Not resolved'],
  converted: ['转入信访', 'Became a case'],
};

/** The outcomes a resolution update may record (conversion has its own action). */
export const DISPUTE_RESOLUTIONS = ['resolved', 'unresolved'] as const;
export type DisputeResolution = (typeof DISPUTE_RESOLUTIONS)[number];

/** A screening round is a month: 'YYYY-MM'. */
export const DISPUTE_PERIOD_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

export const DISPUTE_LIMITS = { summaryMax: 2000, personMax: 50, noteMax: 2000, partiesMax: 10_000 } as const;

/** 化解率 = 已化解 / 排查总数 (every dispute screened in the period, whatever became of it). */
export function resolutionRate(resolved: number, screened: number): number | null {
  return screened > 0 ? resolved / screened : null;
}
