// The 2026 public holidays and make-up working days (调休) as published by the State Council's
// general office; installed with the demo data. Administrators maintain the calendar each year.
const range = (from: string, to: string, name: string) => {
  const out: { day: string; kind: 'holiday'; name: string }[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) {
    out.push({ day: d.toISOString().slice(0, 10), kind: 'holiday', name });
  }
  return out;
};
const workday = (day: string, name: string) => ({ day, kind: 'workday' as const, name });

export const CALENDAR_2026: { day: string; kind: 'holiday' | 'workday'; name: string }[] = [
  ...range('2026-01-01', '2026-01-03', '元旦'), workday('2026-01-04', '元旦调休'),
  ...range('2026-02-15', '2026-02-23', '春节'), workday('2026-02-14', '春节调休'), workday('2026-02-28', '春节调休'),
  ...range('2026-04-04', '2026-04-06', '清明节'),
  ...range('2026-05-01', '2026-05-05', '劳动节'), workday('2026-05-09', '劳动节调休'),
  ...range('2026-06-19', '2026-06-21', '端午节'),
  ...range('2026-09-25', '2026-09-27', '中秋节'),
  ...range('2026-10-01', '2026-10-07', '国庆节'), workday('2026-09-20', '国庆节调休'), workday('2026-10-10', '国庆节调休'),
];
