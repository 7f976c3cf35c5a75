// Sign-in (登录): username and password; the API's error message is shown inline.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError } from '../../common/api.ts';
import { useText } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { LangSwitch } from '../LangSwitch.tsx';

const dict = {
  zh: {
    title: '信访工作台', subtitle: '信访业务系统 · 工作人员登录', username: '用户名', password: '密码', submit: '登录',
    usernameRequired: '请输入用户名', passwordRequired: '请输入密码', hint: '演示账号见 README（如 clerk、hrss.handler），密码 Xinfang@2026',
  },
  en: {
    title: 'Petition Workbench', subtitle: 'Letters and visits system · staff sign-in', username: 'Username', password: 'Password', submit: 'Sign in',
    usernameRequired: 'Enter your username', passwordRequired: 'Enter your password', hint: 'Demo logins are in the README (e.g. clerk, hrss.handler), password Xinfang@2026',
  },
};

export function LoginPage() {
  const t = useText(dict);
  const { signIn } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(v.username.trim(), v.password);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(180deg, #f0f5ff 0%, #fff 100%)', padding: 16 }}>
      <Card style={{ width: 400, maxWidth: '100%' }} data-testid="login-page">
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}><LangSwitch /></div>
        <Typography.Title level={2} style={{ textAlign: 'center', color: '#a8071a', marginTop: 8 }}>{t.title}</Typography.Title>
        <Typography.Paragraph style={{ textAlign: 'center' }} type="secondary">{t.subtitle}</Typography.Paragraph>
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item label={t.username} name="username" rules={[{ required: true, whitespace: true, message: t.usernameRequired }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item label={t.password} name="password" rules={[{ required: true, message: t.passwordRequired }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">{t.submit}</Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>{t.hint}</Typography.Paragraph>
      </Card>
    </main>
  );
}
