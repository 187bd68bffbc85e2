import Link from 'next/link';

export const metadata = { title: 'Not found' };

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">Not found (404)</h1>
      <p className="mt-2 text-slate-700">This page does not exist, or you do not have access to what it shows.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 underline">
        Back to your start page
      </Link>
    </main>
  );
}
