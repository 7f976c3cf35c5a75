// Change my password (修改密码). `required`: the password is one an administrator set (a reset, or a
// new account's initial one), so the console shows this page alone until it is changed; otherwise it
// opens from the header. After a change the user lands on the home page.
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { ApiError } from '../../common/api.ts';
import { errorMessage } from '../../../shared/errors.ts';
import { LIMITS } from '../../../shared/enums.ts';
import { useLang, useText } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { LangSwitch } from '../LangSwitch.tsx';

const dict = {
  zh: {
    title: '修改密码', current: '当前密码', currentTemp: '当前密码（管理员告知的密码）', next: '新密码', confirm: '再次输入新密码', submit: '确认修改',
    required: '您的密码由管理员设置（新建账号或重置密码），请先设置您自己的新密码，然后才能继续使用工作台。',
    currentRequired: '请输入当前密码', nextRequired: '请输入新密码', nextLength: `新密码须为 ${LIMITS.passwordMin} 至 ${LIMITS.passwordMax} 个字符`,
    nextSame: '新密码不能与当前密码相同', confirmMismatch: '两次输入的新密码不一致', nextHint: `至少 ${LIMITS.passwordMin} 个字符，不要与当前密码相同`,
    done: '密码已修改', logout: '退出', signedInAs: '当前用户',
  },
  en: {
    title: 'Change password', current: 'Current password', currentTemp: 'Current password (the one the administrator gave you)', next: 'New password',
    confirm: 'New password again', submit: 'Change password',
    required: 'Your password was set by an administrator (a new account or a reset). Choose a password of your own before you go on using the workbench.',
    currentRequired: 'Enter your current password', nextRequired: 'Enter a new password', nextLength: `The new password must be ${LIMITS.passwordMin} to ${LIMITS.passwordMax} characters`,
    nextSame: 'The new password must differ from the current one', confirmMismatch: 'The two new passwords do not match', nextHint: `At least ${LIMITS.passwordMin} characters, not the current password`,
    done: 'Your password has been changed', logout: 'Sign out', signedInAs: 'Signed in as',
  },
};

interface PasswordForm { currentPassword: string; newPassword: string; confirmPassword: string }

export function PasswordPage({ required }: { required: boolean }) {
  const t = useText(dict);
  const { lang } = useLang();
  const { me, changePassword, refresh, signOut } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<PasswordForm>();
  // the API's code, so the message follows a change of language; or the text of an unexpected failure
  const [error, setError] = useState<{ code?: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // held here whatever address was opened: the address bar says so too, once, on arrival (after the
  // change the page itself goes home while the session is read again, and must not come back here)
  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current) return;
    arrived.current = true;
    if (required && location.pathname !== '/password') navigate('/password', { replace: true });
  }, [required, location.pathname, navigate]);

  const onFinish = async (v: PasswordForm) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword(v.currentPassword, v.newPassword);
    } catch (e) {
      setError(e instanceof ApiError ? { code: e.code, text: e.message } : { text: String(e) });
      setBusy(false);
      return;
    }
    void message.success(t.done);
    // home first, then the session without the demand to change: the shell opens on the home page
    navigate('/', { replace: true });
    await refresh().catch(() => {});
  };

  const body = (
    <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} onValuesChange={() => setError(null)} requiredMark={false} data-testid="password-form">
      {required && <Alert type="warning" showIcon title={t.required} style={{ marginBottom: 16 }} data-testid="password-required" />}
      <Form.Item label={required ? t.currentTemp : t.current} name="currentPassword" rules={[{ required: true, message: t.currentRequired }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus data-testid="password-current" />
      </Form.Item>
      <Form.Item label={t.next} name="newPassword" extra={t.nextHint} dependencies={['currentPassword']}
        rules={[
          { required: true, message: t.nextRequired },
          { min: LIMITS.passwordMin, max: LIMITS.passwordMax, message: t.nextLength },
          ({ getFieldValue }) => ({ validator: (_r, value) => (value && value === getFieldValue('currentPassword') ? Promise.reject(new Error(t.nextSame)) : Promise.resolve()) }),
        ]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item label={t.confirm} name="confirmPassword" dependencies={['newPassword']}
        rules={[
          { required: true, message: t.nextRequired },
          ({ getFieldValue }) => ({ validator: (_r, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t.confirmMismatch))) }),
        ]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error.code && errorMessage(error.code, lang) !== error.code ? errorMessage(error.code, lang) : error.text} style={{ marginBottom: 16 }} data-testid="password-error" role="alert" />}
      <Button type="primary" htmlType="submit" block loading={busy} data-testid="password-submit">{t.submit}</Button>
    </Form>
  );

  if (!required) {
    return (
      <Card style={{ maxWidth: 480 }} data-testid="password-page">
        <Typography.Title level={3} style={{ marginTop: 0 }}>{t.title}</Typography.Title>
        {body}
      </Card>
    );
  }
  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(180deg, #f0f5ff 0%, #fff 100%)', padding: 16 }}>
      <Card style={{ width: 440, maxWidth: '100%' }} data-testid="password-page">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <Typography.Text type="secondary" data-testid="password-user">{t.signedInAs}: {me?.displayName} ({me?.username})</Typography.Text>
          <Space size={8}>
            <LangSwitch />
            <Button size="small" icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="password-logout">{t.logout}</Button>
          </Space>
        </div>
        <Typography.Title level={2} style={{ textAlign: 'center', color: '#a8071a', marginTop: 16 }}>{t.title}</Typography.Title>
        {body}
      </Card>
    </main>
  );
}
