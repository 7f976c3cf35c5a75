import { describe, expect, it } from 'vitest';
import { locateCjkFonts } from './render-document-pdf.ts';

describe('locateCjkFonts', () => {
  it('names the missing font with its own error code', () => {
    expect(() => locateCjkFonts(['/nonexistent/fonts'])).toThrowError(expect.objectContaining({ code: 'DOCUMENT_FONT_MISSING', status: 503 }));
  });
  it('finds the Noto CJK collection installed by fonts-noto-cjk', () => {
    const f = locateCjkFonts();
    expect(f.regular.file).toMatch(/NotoS(erif|ans)CJK-Regular\.ttc$/);
    expect(f.regular.face).toMatch(/CJKsc-Regular$/);
  });
});
