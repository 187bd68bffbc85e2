'use client';
import { useEffect } from 'react';
import { Button } from '@/components/ui/button';

/** Never shows a stack trace: the digest lets an admin find the server log entry. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-700">Nothing was changed. Please try again; if it keeps happening, give your administrator this reference:</p>
      {error.digest && <p className="mt-2 font-mono text-sm">{error.digest}</p>}
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
