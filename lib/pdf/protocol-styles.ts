// The look both protocols share (letter and meeting protocol), in @react-pdf/renderer's styles.
import { StyleSheet } from '@react-pdf/renderer';
import { PDF_FONT_FAMILY, bold } from './fonts';

export const protocolStyles = StyleSheet.create({
  page: { padding: 40, paddingBottom: 56, fontSize: 10, fontFamily: PDF_FONT_FAMILY, color: '#0f172a', lineHeight: 1.35 },
  letterhead: { borderBottom: '1pt solid #334155', paddingBottom: 6, marginBottom: 12 },
  // Its own lineHeight: the page's is resolved against the page's 10 pt, which would let the
  // 15 pt title touch the line below.
  board: { fontSize: 15, ...bold, lineHeight: 1.35 },
  muted: { color: '#475569' },
  heading: { fontSize: 11, ...bold, marginTop: 10, marginBottom: 3 },
  label: { ...bold },
  line: { marginTop: 1 },
  indent: { marginLeft: 12 },
  synthetic: { color: '#92400e', ...bold, marginTop: 2 },
  amended: { color: '#b91c1c', ...bold },
  disclaimer: { fontSize: 8, color: '#92400e', marginTop: 2 },
  block: { marginTop: 4 },
  footer: { position: 'absolute', bottom: 24, left: 40, right: 40, fontSize: 8, color: '#64748b', flexDirection: 'row', justifyContent: 'space-between' },
});
