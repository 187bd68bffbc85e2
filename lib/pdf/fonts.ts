// The one font every Konsil PDF uses: DejaVu Sans (npm `dejavu-fonts-ttf`, Bitstream Vera licence),
// embedded as a subset. react-pdf's built-in Helvetica only knows WinAnsi, so "≤", "→", "Δ" or
// "Łukasz" came out as other glyphs, and a signed letter's text would differ from its signed
// content. DejaVu covers Latin Extended, Greek, Cyrillic, arrows and math operators.
//
// The TTFs are read from node_modules at render time (nothing is downloaded). The path is built
// from the working directory, as for the shipped models (lib/db/shipped-models.ts): this module
// is bundled by webpack in `next build`, where require.resolve/import.meta.url would point into
// .next, while `next start`, vitest and the npm scripts all run from the project root.
// No Font.registerEmojiSource: react-pdf would load emoji images from a URL while rendering.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Font } from '@react-pdf/renderer';

export const PDF_FONT_FAMILY = 'DejaVu Sans';
/** Bold in the embedded family, for StyleSheet entries. */
export const bold = { fontFamily: PDF_FONT_FAMILY, fontWeight: 700 } as const;

const fontDir = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
const files = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  oblique: 'DejaVuSans-Oblique.ttf',
  boldOblique: 'DejaVuSans-BoldOblique.ttf',
};

/** Registers the family once per process (react-pdf's Font store is a singleton; a second
 * registration would only add duplicate sources). Called by every PDF module before it renders. */
export function registerPdfFonts(): void {
  if (Font.getRegisteredFontFamilies().includes(PDF_FONT_FAMILY)) return;
  const src = (file: string) => {
    const full = path.join(fontDir, file);
    // Fail at registration with a clear message rather than mid-render inside fontkit.
    if (!existsSync(full)) throw new Error(`PDF font missing: ${full} (run npm ci from the project root; the server must start there)`);
    return full;
  };
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: src(files.regular), fontWeight: 400, fontStyle: 'normal' },
      { src: src(files.bold), fontWeight: 700, fontStyle: 'normal' },
      // No PDF uses italics today; registered so a future fontStyle: 'italic' does not throw.
      { src: src(files.oblique), fontWeight: 400, fontStyle: 'italic' },
      { src: src(files.boldOblique), fontWeight: 700, fontStyle: 'italic' },
    ],
  });
}
