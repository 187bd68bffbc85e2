import type { Metadata } from 'next';
import { CaseScreen } from '@/components/case-screen/case-screen';
import { guardPage } from '@/lib/authz/guard-page';

// Patient names never go into the <title> (it lands in browser history and tab lists).
export const metadata: Metadata = { title: 'Case' };

/**
 * THE case screen: what the board looks at for three minutes per patient. The header
 * renders first (and records that the actor opened this patient's case); every other
 * panel streams in on its own (components/case-screen/case-screen.tsx, shared with the
 * meeting's live view).
 *
 * The imaging index is read alongside the header, not after it. When it is ready by the
 * time the header is (the usual case: one indexed query), its panel is part of the first
 * HTML instead of a streamed one, which React reveals in batches (≥ 300 ms after the
 * shell), so the viewer starts that much sooner. A slow read still streams behind the
 * panel's own Suspense boundary, and a failed one still lands in the panel's error boundary.
 */
export default async function CaseScreenPage({ params }: { params: Promise<{ caseId: string }> }) {
  const actor = await guardPage('/cases/[caseId]');
  const { caseId } = await params;
  return <CaseScreen actor={actor} caseId={caseId} />;
}
