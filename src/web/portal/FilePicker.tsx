// Choosing photos or files on a phone: a large button in the page's language over the browser's
// own file input (whose label would follow the browser's language instead).
import { useId } from 'react';
import { useTx } from './i18n.tsx';

export function FilePicker({ testId, files, onChange, max = 5 }: { testId: string; files: File[]; onChange: (files: File[]) => void; max?: number }) {
  const tx = useTx();
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="xf-file-button">{tx('选择照片或文件', 'Choose photos or files')}</label>
      <input id={id} data-testid={testId} type="file" multiple accept="image/*,application/pdf,.docx,.txt" className="xf-file-input"
        onChange={(e) => onChange(Array.from(e.target.files ?? []).slice(0, max))} />
      <div className="xf-hint" style={{ color: '#666', fontSize: 13, marginTop: 4 }}>
        {files.length ? files.map((f) => f.name).join('、') : tx('未选择文件', 'No file chosen')}
      </div>
    </div>
  );
}
