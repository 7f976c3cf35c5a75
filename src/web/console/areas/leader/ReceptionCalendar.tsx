// 领导接待日: who receives, when and where, month by month; each day opens with the visits received
// (linked to their cases) and, once the day has come, a way to record one more; before it begins, a
// way to edit or cancel it. A cancelled day stays in its cell, struck through and marked 已取消.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Badge, Button, Calendar, Space, Typography } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, apiGet, ApiError } from '../../../common/api.ts';
import { useLang, useText } from '../../i18n.tsx';
import { L } from '../../labels.ts';
import type { ReceptionDay, ReceptionOptions } from './types.ts';
import { ScheduleModal } from './ScheduleModal.tsx';
import './leader.css';
import { DayDrawer } from './DayDrawer.tsx';

const dict = {
  zh: {
    schedule: '安排接待日', month: '{m} 接待安排', days: '接待 {d} 场，接访 {b} 批 {p} 人次', cancelledDays: '（已取消 {n} 场）',
    hint: '点击日历中的接待安排查看详情、登记接访；尚未开始的接待可编辑或取消。', cancelled: '已取消',
    prev: '上个月', next: '下个月', thisMonth: '本月',
  },
  en: {
    schedule: 'Schedule a reception day', month: 'Receptions in {m}', days: 'Receptions: {d} · visits received: {b} · people: {p}', cancelledDays: ' (cancelled: {n})',
    hint: 'Open a reception in the calendar to see it and record visits; one not yet begun can be edited or cancelled.', cancelled: 'Cancelled',
    prev: 'Previous month', next: 'Next month', thisMonth: 'This month',
  },
};

export function ReceptionCalendar() {
  const t = useText(dict);
  const { lang } = useLang();
  // the selected day (today at first, or the one a link names: ?day=YYYY-MM-DD&open=<id> opens that day's reception); the grid shows its month
  const [params] = useSearchParams();
  const asked = params.get('day');
  const [value, setValue] = useState<Dayjs>(() => (asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) && dayjs(asked).isValid() ? dayjs(asked) : dayjs()));
  const month = value.startOf('month');
  const [days, setDays] = useState<ReceptionDay[]>([]);
  const [options, setOptions] = useState<ReceptionOptions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const askedOpen = Number(params.get('open')) > 0 ? Number(params.get('open')) : null;
  const [openId, setOpenId] = useState<number | null>(askedOpen);
  // a link followed while the calendar is already shown (a notice opened from the header)
  useEffect(() => {
    if (asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) && dayjs(asked).isValid()) setValue(dayjs(asked));
    if (askedOpen) setOpenId(askedOpen);
  }, [asked, askedOpen]);

  // the grid shows up to six weeks around the month
  const from = month.startOf('month').subtract(7, 'day').format('YYYY-MM-DD');
  const to = month.endOf('month').add(14, 'day').format('YYYY-MM-DD');
  const load = useCallback(async () => {
    try {
      setDays(await apiGet<ReceptionDay[]>('/reception-days', { from, to }));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [from, to]);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => { api<ReceptionOptions>('GET', '/reception-days/options').then(setOptions).catch(() => setOptions(null)); }, []);

  const byDate = useMemo(() => {
    const m = new Map<string, ReceptionDay[]>();
    for (const d of days) m.set(d.day, [...(m.get(d.day) ?? []), d]);
    return m;
  }, [days]);
  const monthDays = days.filter((d) => d.day.startsWith(month.format('YYYY-MM')));
  const inMonth = monthDays.filter((d) => d.status !== 'cancelled');
  const cancelledInMonth = monthDays.length - inMonth.length;
  const open = days.find((d) => d.id === openId) ?? null;

  return (
    <div data-testid="reception-calendar">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{t.month.replace('{m}', month.format('YYYY-MM'))}</Typography.Text>
          <Typography.Text type="secondary" data-testid="reception-month-summary">
            {t.days.replace('{d}', String(inMonth.length)).replace('{b}', String(inMonth.reduce((s, d) => s + d.visitCount, 0))).replace('{p}', String(inMonth.reduce((s, d) => s + d.headcountTotal, 0)))}
            {cancelledInMonth > 0 && t.cancelledDays.replace('{n}', String(cancelledInMonth))}
          </Typography.Text>
        </Space>
        {options?.canSchedule && <Button type="primary" icon={<PlusOutlined />} onClick={() => setScheduling(true)} data-testid="reception-new">{t.schedule}</Button>}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{t.hint}</Typography.Paragraph>
      <Calendar className="xf-reception" value={value} mode="month" onPanelChange={(v) => setValue(v)} onSelect={(v) => setValue(v)}
        // month by month with labelled buttons (the default header's year and month pickers have no names for a screen reader)
        headerRender={({ value: shown, onChange }) => (
          <Space style={{ width: '100%', justifyContent: 'flex-end', padding: '4px 0' }}>
            <Button size="small" icon={<LeftOutlined />} aria-label={t.prev} title={t.prev} onClick={() => onChange(shown.subtract(1, 'month'))} data-testid="reception-prev" />
            <Typography.Text strong data-testid="reception-shown-month">{shown.format('YYYY-MM')}</Typography.Text>
            <Button size="small" icon={<RightOutlined />} aria-label={t.next} title={t.next} onClick={() => onChange(shown.add(1, 'month'))} data-testid="reception-next" />
            <Button size="small" onClick={() => onChange(dayjs())} data-testid="reception-this-month">{t.thisMonth}</Button>
          </Space>
        )}
        cellRender={(current, info) => {
          if (info.type !== 'date') return info.originNode;
          const list = byDate.get(current.format('YYYY-MM-DD')) ?? [];
          return (
            <ul className="xf-reception-cell" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {list.map((d) => (
                <li key={d.id}>
                  <Button type="link" size="small" data-testid={`reception-day-${d.id}`} data-status={d.status}
                    style={{ padding: 0, height: 'auto', maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block', textAlign: 'left' }}
                    title={`${d.startsAt}-${d.endsAt} ${d.leaderName} · ${L.receptionKind(d.kind, lang)} · ${d.place}${d.status === 'cancelled' ? ` · ${t.cancelled}` : ''}`}
                    onClick={(e) => { e.stopPropagation(); setOpenId(d.id); }}>
                    <Badge status={d.status === 'cancelled' ? 'default' : d.visitCount > 0 ? 'success' : 'processing'} />
                    {d.status === 'cancelled'
                      ? <><s>{d.startsAt} {d.leaderName}</s> {t.cancelled}</>
                      : <>{d.startsAt} {d.leaderName}{d.kind !== 'fixed' ? ` · ${L.receptionKind(d.kind, lang)}` : ''}{d.visitCount > 0 ? ` · ${d.visitCount}` : ''}</>}
                  </Button>
                </li>
              ))}
            </ul>
          );
        }} />
      {scheduling && options && (
        <ScheduleModal options={options} onClose={() => setScheduling(false)}
          onScheduled={(d) => { setScheduling(false); setValue(dayjs(d.day)); void load(); setOpenId(d.id); }} />
      )}
      {open && (
        <DayDrawer day={open} options={options} onClose={() => setOpenId(null)}
          onChanged={(d) => { if (d && !dayjs(d.day).isSame(month, 'month')) setValue(dayjs(d.day)); else void load(); }} />
      )}
    </div>
  );
}
