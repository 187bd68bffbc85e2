'use client';
// The panel's measurements and key images: what the page loaded, refreshed while the
// screen is open (lib/queries: colleagues' marks appear during the meeting), and
// updated from the server actions' answers (the server checks the permission and audits).
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { markKeyImage, removeMeasurement, saveMeasurement, unmarkKeyImage } from '@/lib/actions/case-annotations';
import { useCaseAnnotations, type CaseAnnotations } from '@/lib/queries/case-annotations';
import { queryKeys } from '@/lib/queries/keys';
import { measurementKindLabels, type CaseKeyImageDto, type CaseMeasurementDto } from '@/lib/schemas/case-annotation';
import { describeMeasurement } from './measurement-input';
import type { ShownImage } from './imaging-workspace';
import type { DrawnMeasurement } from './viewer-service';

export interface Notice {
  tone: 'success' | 'error';
  text: string;
}

export function useAnnotationActions(caseId: string, initial: CaseAnnotations) {
  const queryClient = useQueryClient();
  const { measurements, keyImages } = useCaseAnnotations(caseId, initial).data;
  const update = (change: (current: CaseAnnotations) => CaseAnnotations) =>
    queryClient.setQueryData<CaseAnnotations>(queryKeys.caseAnnotations(caseId), (current) => change(current ?? initial));
  const setMeasurements = (change: (list: CaseMeasurementDto[]) => CaseMeasurementDto[]) => update((c) => ({ ...c, measurements: change(c.measurements) }));
  const setKeyImages = (change: (list: CaseKeyImageDto[]) => CaseKeyImageDto[]) => update((c) => ({ ...c, keyImages: change(c.keyImages) }));
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function onMeasurementDrawn(drawn: DrawnMeasurement) {
    if (!drawn.result.ok) {
      drawn.discard();
      setNotice({ tone: 'error', text: `Not saved: ${drawn.result.reason}` });
      return;
    }
    const result = await saveMeasurement(null, {
      caseId,
      studyInstanceUid: drawn.studyInstanceUid,
      seriesInstanceUid: drawn.seriesInstanceUid,
      sopInstanceUid: drawn.ref.sopInstanceUid,
      frameNumber: drawn.ref.frameNumber,
      kind: drawn.kind,
      values: drawn.result.values,
      geometry: { points: drawn.points },
    }).catch(() => null);
    if (result?.ok) {
      drawn.confirm(result.data.id);
      setMeasurements((list) => (list.some((m) => m.id === result.data.id) ? list : [...list, result.data]));
      setNotice({ tone: 'success', text: `${measurementKindLabels[result.data.kind]} saved: ${describeMeasurement(result.data.kind, result.data.values)}.` });
    } else {
      drawn.discard();
      setNotice({ tone: 'error', text: `Not saved: ${result?.message ?? 'the server could not be reached.'}` });
    }
  }

  async function onRemoveMeasurement(measurement: CaseMeasurementDto) {
    setBusyId(measurement.id);
    const result = await removeMeasurement(null, { caseId, measurementId: measurement.id }).catch(() => null);
    setBusyId(null);
    if (result?.ok) {
      setMeasurements((list) => list.filter((m) => m.id !== measurement.id));
      setNotice({ tone: 'success', text: 'Measurement removed.' });
    } else {
      setNotice({ tone: 'error', text: result?.message ?? 'The measurement could not be removed.' });
    }
  }

  async function onToggleKeyImage(image: ShownImage, existing: CaseKeyImageDto | null) {
    if (existing) return onUnmarkKeyImage(existing);
    const result = await markKeyImage(null, {
      caseId,
      studyInstanceUid: image.studyInstanceUid,
      seriesInstanceUid: image.seriesInstanceUid,
      sopInstanceUid: image.ref.sopInstanceUid,
      frameNumber: image.ref.frameNumber,
    }).catch(() => null);
    if (result?.ok) {
      setKeyImages((list) => (list.some((k) => k.id === result.data.id) ? list : [...list, result.data]));
      setNotice({ tone: 'success', text: 'Marked as key image.' });
    } else {
      setNotice({ tone: 'error', text: result?.message ?? 'The key image could not be marked.' });
    }
  }

  async function onUnmarkKeyImage(keyImage: CaseKeyImageDto) {
    setBusyId(keyImage.id);
    const result = await unmarkKeyImage(null, { caseId, keyImageId: keyImage.id }).catch(() => null);
    setBusyId(null);
    if (result?.ok) {
      setKeyImages((list) => list.filter((k) => k.id !== keyImage.id));
      setNotice({ tone: 'success', text: 'Key image mark removed.' });
    } else {
      setNotice({ tone: 'error', text: result?.message ?? 'The key image mark could not be removed.' });
    }
  }

  return { measurements, keyImages, notice, busyId, onMeasurementDrawn, onRemoveMeasurement, onToggleKeyImage, onUnmarkKeyImage };
}
