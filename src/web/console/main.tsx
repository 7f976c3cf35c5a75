// Entry of the staff console (信访工作台): the site root lands in the console.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LangProvider } from './i18n.tsx';
import { App } from './App.tsx';
import './console.css';

if (!location.pathname.startsWith('/console')) history.replaceState(null, '', `/console/${location.search}`);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <App />
    </LangProvider>
  </StrictMode>,
);
