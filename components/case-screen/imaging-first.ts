'use client';
// The board looks at the image first. On a 2-core projector laptop, every script that
// runs while the viewer starts delays the first image, so secondary visuals that are
// heavy to load (the lab trend's charting library) wait until the imaging panel says
// it has settled: first image shown, nothing to show, or the viewer failed. A timeout
// keeps them from waiting forever if the imaging panel never reports.
import { useEffect, useState } from 'react';

const SETTLED_EVENT = 'konsil:imaging-settled';
/** Longest a secondary visual waits for the imaging panel. */
const MAX_WAIT_MS = 3000;

// Per page load: after a client-side navigation to another case the chart code is
// already loaded, so there is nothing left to hold back.
let settled = false;

/** Called by the imaging panel once: first image shown, no images, or the viewer failed. */
export function announceImagingSettled(): void {
  if (settled) return;
  settled = true;
  window.dispatchEvent(new Event(SETTLED_EVENT));
}

/** False until the imaging panel has settled (or MAX_WAIT_MS passed); then true for good. */
export function useAfterFirstImage(): boolean {
  const [ready, setReady] = useState(settled);
  useEffect(() => {
    if (ready) return;
    if (settled) {
      setReady(true);
      return;
    }
    const go = () => setReady(true);
    window.addEventListener(SETTLED_EVENT, go, { once: true });
    const timer = window.setTimeout(go, MAX_WAIT_MS);
    return () => {
      window.removeEventListener(SETTLED_EVENT, go);
      window.clearTimeout(timer);
    };
  }, [ready]);
  return ready;
}
