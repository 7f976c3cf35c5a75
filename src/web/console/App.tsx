// The console shell: antd locale following the language, the session gate (sign-in; then the change of
// a password an administrator set, before anything else), the layout with header and side menu, the
// core pages, and every area found under ./areas/ (route + menu entry).
import { Suspense, useMemo, useState, type ReactNode } from 'react';
import { BrowserRouter, Link, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Result, Space, Spin, Tag, Typography } from 'antd';
import { FileAddOutlined, HomeOutlined, LockOutlined, LogoutOutlined, UnorderedListOutlined } from '@ant-design/icons';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import enUSModule from 'antd/es/locale/en_US.js';
import type { Locale } from 'antd/es/locale/index.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { AREAS, areaLink, REGISTER_ROLES } from './registry.ts';
import { useLang, useText } from './i18n.tsx';
import { LangSwitch } from './LangSwitch.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { SessionProvider, useSession } from './session.tsx';
import { L } from './labels.ts';
import { CASEWORK_ROLES, type Role } from '../../shared/enums.ts';
import { LoginPage } from './pages/LoginPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { CaseListPage } from './pages/CaseListPage.tsx';
import { RegisterPage } from './pages/RegisterPage.tsx';
import { CasePage } from './pages/CasePage.tsx';
import { PasswordPage } from './pages/PasswordPage.tsx';

const dict = {
  zh: {
    title: '信访工作台', home: '首页', cases: '信访事项', register: '登记信访件', logout: '退出', skip: '跳到主要内容',
    notFound: '页面不存在', back: '返回首页', loading: '加载中…', forbidden: '您的角色无权打开此页面', changePassword: '修改密码',
  },
  en: {
    title: 'Petition Workbench', home: 'Home', cases: 'Cases', register: 'Register', logout: 'Sign out', skip: 'Skip to main content',
    notFound: 'Page not found', back: 'Back to home', loading: 'Loading…', forbidden: 'Your role may not open this page', changePassword: 'Change password',
  },
};

// Primary and text colours darkened from antd's defaults so text and controls meet WCAG 2.1 AA (4.5:1).
// The type checker reads antd's locale files as CommonJS, the bundler as ES modules: take either shape.
const asLocale = (m: unknown): Locale => ((m as { default?: Locale }).default ?? m) as Locale;
const zhCN = asLocale(zhCNModule);
const enUS = asLocale(enUSModule);

const THEME = {
  token: { colorPrimary: '#0958d9', colorLink: '#0958d9', colorTextTertiary: 'rgba(0,0,0,0.62)', colorTextDescription: 'rgba(0,0,0,0.62)', colorTextPlaceholder: 'rgba(0,0,0,0.58)', colorError: '#cf1322', colorWarning: '#ad4e00', colorSuccess: '#237804', fontSize: 14 },
};

export function App() {
  const { lang } = useLang();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter basename="/console">
            <Gate />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function Gate() {
  const { me, loading } = useSession();
  const t = useText(dict);
  if (loading) return <div style={{ padding: 48, textAlign: 'center' }}><Spin description={t.loading}><div style={{ height: 40 }} /></Spin></div>;
  if (!me) return <LoginPage />;
  // a password an administrator set is changed before anything else (the API refuses the rest)
  if (me.mustChangePassword) return <PasswordPage required />;
  return <Shell />;
}

function Shell() {
  const { me, signOut } = useSession();
  const { lang } = useLang();
  const t = useText(dict);
  const loc = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const role = me!.role as Role;
  // the administrator keeps the system and sees figures, not case matters (the API refuses them too)
  const casework = CASEWORK_ROLES.includes(role);
  const forbidden = <Result status="403" title={t.forbidden} extra={<Link to="/">{t.back}</Link>} data-testid="forbidden" />;

  const items = useMemo(() => {
    const list: { key: string; path: string; label: string; icon?: ReactNode }[] = [];
    if (casework) {
      list.push({ key: 'home', path: '/', label: t.home, icon: <HomeOutlined /> });
      list.push({ key: 'cases', path: '/cases', label: t.cases, icon: <UnorderedListOutlined /> });
    }
    if (REGISTER_ROLES.includes(role)) list.push({ key: 'register', path: '/register', label: t.register, icon: <FileAddOutlined /> });
    for (const a of AREAS) {
      if (!a.menu || !a.roles.includes(role)) continue;
      const Icon = a.menu.icon;
      list.push({ key: a.key, path: areaLink(a), label: a.menu[lang], icon: Icon ? <Icon /> : undefined });
    }
    return list;
  }, [role, lang, t, casework]);

  const selected = items.filter((i) => (i.path === '/' ? loc.pathname === '/' : loc.pathname.startsWith(i.path))).sort((a, b) => b.path.length - a.path.length)[0];

  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="app-shell">
      <a className="xf-skip" href="#main">{t.skip}</a>
      <Layout.Sider breakpoint="lg" collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} theme="light"
        style={{ borderRight: '1px solid #e5e5e5', position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }} className="xf-no-print">
        <div style={{ padding: collapsed ? '16px 8px' : 16, fontWeight: 600, fontSize: collapsed ? 12 : 16, color: '#a8071a', textAlign: collapsed ? 'center' : 'left' }}>
          {collapsed ? '信访' : t.title}
        </div>
        <nav aria-label={t.title}>
          <Menu mode="inline" selectedKeys={selected ? [selected.key] : []}
            items={items.map((i) => ({ key: i.key, icon: i.icon, label: <Link to={i.path} data-testid={`menu-${i.key}`}>{i.label}</Link> }))} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="xf-no-print" style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', gap: 12, borderBottom: '1px solid #e5e5e5', lineHeight: 'normal', height: 56, position: 'sticky', top: 0, zIndex: 20 }}>
          <Typography.Text strong style={{ fontSize: 15, flex: '1 1 auto', minWidth: 0 }} className="xf-header-user" data-testid="header-org">{me!.orgName}</Typography.Text>
          <Space size={8} wrap={false}>
            <span className="xf-header-user" data-testid="header-user">{me!.displayName}</span>
            <Tag color="blue" data-testid="header-role" style={{ marginInlineEnd: 0 }}>{L.role(me!.role, lang)}</Tag>
            <NotificationBell />
            <LangSwitch />
            <Button size="small" icon={<LockOutlined />} onClick={() => navigate('/password')} aria-label={t.changePassword} data-testid="change-password">
              <span className="xf-header-label">{t.changePassword}</span>
            </Button>
            <Button size="small" icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="logout">{t.logout}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 16, minWidth: 0 }}>
          <Routes>
            <Route path="/" element={role === 'admin' ? <AdminHome /> : <HomePage />} />
            <Route path="/cases" element={casework ? <CaseListPage /> : forbidden} />
            <Route path="/cases/:id" element={casework ? <CasePage /> : forbidden} />
            <Route path="/register" element={REGISTER_ROLES.includes(role) ? <RegisterPage /> : forbidden} />
            <Route path="/password" element={<PasswordPage required={false} />} />
            {AREAS.map((a) => (
              <Route key={a.key} path={`/${a.path}`} element={a.roles.includes(role)
                ? <Suspense fallback={<Spin />}><a.component /></Suspense>
                : forbidden} />
            ))}
            <Route path="*" element={<Result status="404" title={t.notFound} extra={<Link to="/">{t.back}</Link>} />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** Administrators do no casework: their home lists the areas they may open. */
function AdminHome() {
  const { me } = useSession();
  const { lang } = useLang();
  const t = useText(dict);
  const navigate = useNavigate();
  const mine = AREAS.filter((a) => a.menu && a.roles.includes(me!.role as Role));
  return (
    <div>
      <Typography.Title level={3}>{t.title}</Typography.Title>
      <Space wrap>{mine.map((a) => <Button key={a.key} onClick={() => navigate(areaLink(a))}>{a.menu![lang]}</Button>)}</Space>
    </div>
  );
}
