// The one place a failed call is shown: the catalogue's message in the reader's language.
import { Alert } from 'antd';
import { ApiError } from '../common/api.ts';

export function errorText(e: unknown): string {
  return e instanceof ApiError ? e.message : String(e);
}

export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert type="error" showIcon data-testid="portal-error" title={errorText(error)} style={{ margin: '12px 0' }} />;
}
