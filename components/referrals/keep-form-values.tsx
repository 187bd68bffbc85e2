'use client';
// React 19 resets a <form action={…}> after every submission, also when the server refused the
// input: the referrer would lose the question they typed because one code was malformed. This
// snapshots the form's fields on submit and puts them back when the answer is an error.
import { useEffect, useRef } from 'react';
import type { ActionState } from '@/lib/actions/action-result';

type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const isField = (el: Element): el is FieldElement => el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;

export function KeepFormValues({ state }: { state: ActionState<unknown> }) {
  const anchor = useRef<HTMLSpanElement>(null);
  const snapshot = useRef<{ el: FieldElement; value: string; checked: boolean }[] | null>(null);

  useEffect(() => {
    const form = anchor.current?.closest('form');
    if (!form) return;
    const take = () => {
      snapshot.current = [...form.elements].filter(isField).map((el) => ({ el, value: el.value, checked: el instanceof HTMLInputElement && el.checked }));
    };
    form.addEventListener('submit', take, true);
    return () => form.removeEventListener('submit', take, true);
  }, []);

  useEffect(() => {
    if (!state || state.ok || !snapshot.current) return;
    for (const { el, value, checked } of snapshot.current) {
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) el.checked = checked;
      else if (!(el instanceof HTMLInputElement && el.type === 'hidden')) el.value = value;
    }
  }, [state]);

  return <span ref={anchor} hidden />;
}
