// The administration page: one tab per kind of reference data, the tab kept in the URL (/admin/<tab>).
import type { ReactElement } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { Tabs, Typography } from 'antd';
import { useText } from '../../i18n.tsx';
import { dict } from './texts.ts';
import { OrgsTab } from './OrgsTab.tsx';
import { UsersTab } from './UsersTab.tsx';
import { CategoriesTab } from './CategoriesTab.tsx';
import { CalendarTab } from './CalendarTab.tsx';
import { LimitsTab } from './LimitsTab.tsx';

const TABS = ['orgs', 'users', 'categories', 'calendar', 'limits', 'evaluation'] as const;
type Tab = (typeof TABS)[number];

export default function AdminPage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const t = useText(dict);
  if (!tab || !(TABS as readonly string[]).includes(tab)) return <Navigate to="/admin/orgs" replace />;
  const body: Record<Tab, ReactElement> = {
    orgs: <OrgsTab />, users: <UsersTab />, categories: <CategoriesTab />, calendar: <CalendarTab />,
    limits: <LimitsTab mode="limits" />, evaluation: <LimitsTab mode="evaluation" />,
  };
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t.title}</Typography.Title>
      <Tabs activeKey={tab} onChange={(k) => navigate(`/admin/${k}`)} destroyOnHidden
        items={TABS.map((k) => ({ key: k, label: <span data-testid={`admin-tab-${k}`}>{t[k]}</span>, children: body[k] }))} />
    </div>
  );
}
