// What the registry's validation found when the version was uploaded (stored with the
// version as JSON; lib/models/validate-model-upload.ts#ValidationReport).
import { z } from 'zod';
import { formatDateTime } from '@/lib/format/date';

const tensor = z.object({ name: z.string(), elemType: z.string(), dims: z.array(z.number().nullable()) });
const reportSchema = z.object({
  irVersion: z.number(),
  opsets: z.array(z.object({ domain: z.string(), version: z.number() })),
  producer: z.string(),
  input: tensor,
  outputs: z.array(tensor),
  testVectorMaxAbsError: z.array(z.number().nullable()),
  testVectorTolerance: z.number(),
  runtime: z.string(),
  validatedAt: z.string(),
});

const shape = (dims: (number | null)[]) => `[${dims.map((d) => d ?? '?').join(', ')}]`;

export function ValidationReportView({ report, fileSha256, fileSizeBytes, timeZone }: { report: unknown; fileSha256: string; fileSizeBytes: number; timeZone: string }) {
  const parsed = reportSchema.safeParse(report);
  const rows: [string, string][] = [
    ['File sha256', fileSha256],
    ['File size', `${(fileSizeBytes / 1024).toFixed(1)} KiB`],
  ];
  if (parsed.success) {
    const r = parsed.data;
    rows.push(
      ['ONNX', `IR ${r.irVersion}; ${r.opsets.map((o) => `${o.domain || 'ai.onnx'} opset ${o.version}`).join(', ')}; producer ${r.producer || '—'}`],
      ['Input', `${r.input.name} ${r.input.elemType} ${shape(r.input.dims)}`],
      ['Outputs', r.outputs.map((o) => `${o.name} ${o.elemType} ${shape(o.dims)}`).join('; ')],
      ['Test vectors', `${r.testVectorMaxAbsError.length} reproduced; largest error ${Math.max(...r.testVectorMaxAbsError.map((e) => e ?? Number.POSITIVE_INFINITY)).toExponential(1)} (tolerance ${r.testVectorTolerance})`],
      ['Runtime', r.runtime],
      ['Validated', formatDateTime(r.validatedAt, timeZone)],
    );
  }
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm" data-testid="validation-report">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="break-all font-mono text-xs text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
