import Link from 'next/link';
import { ShieldAlert } from 'lucide-react';

export const metadata = { title: 'Access denied' };

/** Rendered with HTTP 403 whenever guardPage() calls forbidden(). */
export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <ShieldAlert aria-hidden className="mx-auto size-12 text-red-700" />
      <h1 className="mt-4 text-2xl font-semibold">Access denied (403)</h1>
      <p className="mt-2 text-slate-700">
        Your role does not allow this page. If you need it for your work, ask a Konsil administrator to review your roles. This attempt
        was recorded in the audit log.
      </p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 underline">
        Back to your start page
      </Link>
    </main>
  );
}
