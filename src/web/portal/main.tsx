// The citizen portal (网上信访 · 查询评价): mobile first, Chinese with an English switch.
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import { App as AntApp, Button, ConfigProvider, Spin } from 'antd';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import enUSModule from 'antd/es/locale/en_US.js';
import type { Locale } from 'antd/es/locale/index.js';
import { PortalLangProvider, useLang, useTx } from './i18n.tsx';
import HomePage from './pages/HomePage.tsx';
import './portal.css';

// The type checker reads antd's locale files as CommonJS, the bundler as ES modules: take either shape.
const asLocale = (m: unknown): Locale => ((m as { default?: Locale }).default ?? m) as Locale;
const zhCN = asLocale(zhCNModule);
const enUS = asLocale(enUSModule);

const SubmitPage = lazy(() => import('./pages/SubmitPage.tsx'));
const ReceiptPage = lazy(() => import('./pages/ReceiptPage.tsx'));
const FollowPage = lazy(() => import('./pages/FollowPage.tsx'));
const SuggestionsPage = lazy(() => import('./pages/SuggestionsPage.tsx'));
const FiguresPage = lazy(() => import('./pages/FiguresPage.tsx'));

function Shell() {
  const { lang, setLang } = useLang();
  const tx = useTx();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#b7282e', fontSize: 16, borderRadius: 8, colorTextDescription: 'rgba(0,0,0,0.62)', colorTextPlaceholder: 'rgba(0,0,0,0.58)' } }}>
      <AntApp>
        <div className="xf-portal">
          <header className="xf-header">
            <Link to="/" className="xf-brand">{tx('网上信访', 'Online petitions')}</Link>
            <Button size="small" data-testid="portal-lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
              {lang === 'zh' ? 'English' : '中文'}
            </Button>
          </header>
          <main className="xf-main">
            <Suspense fallback={<Spin />}>
              <Routes>
                <Route path="/" element={<HomePage />} />
                <Route path="/submit" element={<SubmitPage />} />
                <Route path="/receipt" element={<ReceiptPage />} />
                <Route path="/follow" element={<FollowPage />} />
                <Route path="/suggestions" element={<SuggestionsPage />} />
                <Route path="/figures" element={<FiguresPage />} />
                <Route path="*" element={<HomePage />} />
              </Routes>
            </Suspense>
          </main>
        </div>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PortalLangProvider>
      <BrowserRouter basename="/portal">
        <Shell />
      </BrowserRouter>
    </PortalLangProvider>
  </StrictMode>,
);
