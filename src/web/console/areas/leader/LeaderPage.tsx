// The leader's page: owned cases and their progress, instructions given, the reception calendar.
// The open tab is kept in the URL (?tab=) so a link or a reload lands on it.
import { useSearchParams } from 'react-router-dom';
import { Tabs, Typography } from 'antd';
import { useText } from '../../i18n.tsx';
import { useMe } from '../../session.tsx';
import { OwnedCases } from './OwnedCases.tsx';
import { Instructions } from './Instructions.tsx';
import { ReceptionCalendar } from './ReceptionCalendar.tsx';

const dict = {
  zh: { title: '领导工作', owned: '包案事项', instructions: '批示', reception: '领导接待日' },
  en: { title: 'Leaders', owned: 'Owned cases', instructions: 'Instructions', reception: 'Reception days' },
};

const TABS = ['owned', 'instructions', 'reception'] as const;
type Tab = (typeof TABS)[number];

export default function LeaderPage() {
  const t = useText(dict);
  const me = useMe();
  const [params, setParams] = useSearchParams();
  // administrators schedule reception days and clerks record their visits: the calendar is theirs, the rest is not
  const tabs: Tab[] = me.role === 'admin' || me.role === 'clerk' ? ['reception'] : [...TABS];
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : tabs[0]!;
  return (
    <div data-testid="leader-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t.title}</Typography.Title>
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={tabs.map((k) => ({
          key: k,
          label: <span data-testid={`tab-${k}`}>{t[k]}</span>,
          children: k === 'owned' ? <OwnedCases /> : k === 'instructions' ? <Instructions /> : <ReceptionCalendar />,
        }))} />
    </div>
  );
}
