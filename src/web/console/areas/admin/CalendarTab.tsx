// Working-day calendar (工作日历) of one year as twelve month grids: holidays and make-up working
// days (调休) are set by clicking a day, then saved together (PUT /calendar/:year replaces the year).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Radio, Space, Spin, Typography } from 'antd';
import { isValidLocalDate, weekday } from '../../../../domain/calendar.ts';
import { useLang, useText } from '../../i18n.tsx';
import { dict } from './texts.ts';
import { adminApi, messageOf, type CalendarDay } from './api.ts';
import './admin.css';

type Kind = 'normal' | 'holiday' | 'workday';
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');

export function CalendarTab() {
  const t = useText(dict);
  const { lang } = useLang();
  const { message } = App.useApp();
  // the year shown first is the viewer's current one (a display default, not a business date)
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [days, setDays] = useState<Map<string, CalendarDay> | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [editing, setEditing] = useState<{ day: string; kind: Kind; name: string } | null>(null);

  const load = useCallback((y: number) => {
    setDays(null);
    adminApi.calendar(y).then((list) => { setDays(new Map(list.map((d) => [d.day, d]))); setDirty(false); })
      .catch((e) => void message.error(messageOf(e)));
  }, [message]);
  useEffect(() => { load(year); }, [year, load]);

  const counts = useMemo(() => {
    const all = [...(days?.values() ?? [])];
    return { holiday: all.filter((d) => d.kind === 'holiday').length, workday: all.filter((d) => d.kind === 'workday').length };
  }, [days]);

  function applyEdit() {
    if (!editing || !days) return;
    const next = new Map(days);
    if (editing.kind === 'normal') next.delete(editing.day);
    else next.set(editing.day, { day: editing.day, kind: editing.kind, name: editing.name.trim() });
    setDays(next);
    setDirty(true);
    setEditing(null);
  }

  async function save() {
    if (!days) return;
    setSaving(true);
    try {
      await adminApi.setCalendar(year, [...days.values()].sort((a, b) => a.day.localeCompare(b.day)));
      void message.success(t.saved);
      setDirty(false);
    } catch (e) { void message.error(messageOf(e)); } finally { setSaving(false); }
  }

  const weekdays = t.weekdays.split(',');
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <span>{t.year}</span>
        <InputNumber min={2000} max={2100} precision={0} value={year} aria-label={t.year} data-testid="calendar-year"
          onChange={(v) => { if (typeof v === 'number' && v >= 2000 && v <= 2100) setYear(v); }} />
        <span className="xf-cal-legend">
          <span><span className="xf-cal-swatch" style={{ background: '#fff1f0', borderColor: '#ffa39e' }} />{t.holidays} {counts.holiday}</span>
          <span><span className="xf-cal-swatch" style={{ background: '#e6f4ff', borderColor: '#91caff' }} />{t.workdays} {counts.workday}</span>
        </span>
        <Button type="primary" onClick={() => void save()} loading={saving} disabled={!dirty} data-testid="save-calendar">{t.save}</Button>
        {dirty && <Button onClick={() => load(year)}>{t.reload}</Button>}
      </Space>
      <Typography.Paragraph type="secondary">{t.calendarHelp}</Typography.Paragraph>
      {dirty && <Alert type="warning" title={t.unsaved} showIcon style={{ marginBottom: 12 }} />}
      {!days ? <Spin /> : (
        <div className="xf-cal-months" data-testid="calendar-grid">
          {Array.from({ length: 12 }, (_, m) => {
            const first = `${year}-${pad(m + 1)}-01`;
            const lead = (weekday(first) + 6) % 7; // Monday first
            const cells: (string | null)[] = Array.from({ length: lead }, () => null);
            for (let d = 1; d <= 31; d++) {
              const iso = `${year}-${pad(m + 1)}-${pad(d)}`;
              if (isValidLocalDate(iso)) cells.push(iso);
            }
            return (
              <section className="xf-cal-month" key={m} aria-label={lang === 'zh' ? `${m + 1}月` : MONTHS_EN[m]}>
                <h4>{lang === 'zh' ? `${m + 1}月` : MONTHS_EN[m]}</h4>
                <div className="xf-cal-grid">
                  {weekdays.map((w) => <div className="xf-cal-head" key={w} aria-hidden="true">{w}</div>)}
                  {cells.map((iso, i) => {
                    if (!iso) return <span key={`e${i}`} />;
                    const entry = days.get(iso);
                    const wd = weekday(iso);
                    const cls = entry ? `is-${entry.kind}` : wd === 0 || wd === 6 ? 'is-weekend' : '';
                    const label = `${iso}${entry ? ` ${entry.kind === 'holiday' ? t.holiday : t.workday}${entry.name ? ` ${entry.name}` : ''}` : ''}`;
                    return (
                      <button type="button" key={iso} className={`xf-cal-day ${cls}`} title={label} aria-label={label} data-testid={`day-${iso}`}
                        onClick={() => setEditing({ day: iso, kind: entry?.kind ?? 'normal', name: entry?.name ?? '' })}>
                        {Number(iso.slice(8))}
                      </button>
                    );
                  })}
                </div>
              </section>
            );
          })}
        </div>
      )}
      <Modal open={!!editing} title={editing?.day} onCancel={() => setEditing(null)} onOk={applyEdit} okText={t.save} cancelText={t.cancel}
        okButtonProps={{ 'data-testid': 'day-ok' } as Record<string, string>} destroyOnHidden>
        {editing && (
          <Form layout="vertical">
            <Form.Item label={t.dayKind}>
              <Radio.Group value={editing.kind} onChange={(e) => setEditing({ ...editing, kind: e.target.value as Kind })}
                options={[
                  { value: 'normal', label: <span data-testid="day-kind-normal">{t.normal}</span> },
                  { value: 'holiday', label: <span data-testid="day-kind-holiday">{t.holiday}</span> },
                  { value: 'workday', label: <span data-testid="day-kind-workday">{t.workday}</span> },
                ]} />
            </Form.Item>
            {editing.kind !== 'normal' && (
              <Form.Item label={t.dayName}>
                <Input value={editing.name} maxLength={50} onChange={(e) => setEditing({ ...editing, name: e.target.value })} data-testid="day-name" />
              </Form.Item>
            )}
          </Form>
        )}
      </Modal>
    </div>
  );
}
