// The language switch (中文 / EN) shown in the header and on the sign-in page.
import { Segmented } from 'antd';
import { useLang, type Lang } from './i18n.tsx';

export function LangSwitch() {
  const { lang, setLang } = useLang();
  return (
    <Segmented<Lang> data-testid="lang-switch" aria-label={lang === 'zh' ? '语言' : 'Language'} size="small" value={lang} onChange={(v) => setLang(v)}
      options={[{ label: '中文', value: 'zh' }, { label: 'EN', value: 'en' }]} />
  );
}
