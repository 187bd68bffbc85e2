'use client';
// The middle image of a series drawn into a small canvas, on cornerstone's CPU path
// (no GL context per thumbnail). Loaded with next/dynamic; draws only once the canvas
// is on screen and the panel says the main image has rendered (thumbnails must not
// compete with the first image for the network and the decode worker).
import { utilities } from '@cornerstonejs/core';
import { useEffect, useRef, useState } from 'react';
import type { CaseImagingSeriesDto } from '@/lib/schemas/case-screen';
import { loadSeriesStack } from './series-stacks';
import { initViewer } from './viewer-service';

const SIZE_CSS_PX = 64;

export default function SeriesThumbnail({ studyInstanceUid, series, enabled }: { studyInstanceUid: string; series: CaseImagingSeriesDto; enabled: boolean }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'waiting' | 'loading' | 'done' | 'failed'>('waiting');

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!enabled || !canvas) return;
    let cancelled = false;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      setState('loading');
      (async () => {
        await initViewer();
        const stack = await loadSeriesStack(studyInstanceUid, series);
        const imageId = stack.imageIds[Math.floor(stack.imageIds.length / 2)]!;
        const scale = window.devicePixelRatio || 1;
        canvas.width = Math.round(SIZE_CSS_PX * scale);
        canvas.height = Math.round(SIZE_CSS_PX * scale);
        await utilities.loadImageToCanvas({ canvas, imageId, useCPURendering: true });
        if (!cancelled) setState('done');
      })().catch((error: unknown) => {
        console.warn('[viewer] thumbnail failed', error);
        if (!cancelled) setState('failed');
      });
    });
    observer.observe(canvas);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [enabled, studyInstanceUid, series]);

  return (
    <canvas
      ref={canvasRef}
      width={SIZE_CSS_PX}
      height={SIZE_CSS_PX}
      aria-hidden="true"
      data-thumbnail-state={state}
      style={{ width: SIZE_CSS_PX, height: SIZE_CSS_PX }}
      className="shrink-0 rounded bg-black"
    />
  );
}
