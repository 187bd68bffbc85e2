'use client';
// Registering a model version: the .onnx file and its card (a JSON or YAML file, or the text
// pasted). Posted as multipart to POST /api/admin/models (a route, not an action: actions
// refuse bodies over 1 MB). The server validates everything (lib/models/validate-model-upload.ts)
// and answers 201, or 422 with every reason: each is shown exactly as returned, with its path.
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import type { ModelRejection, ModelVersionDto } from '@/lib/schemas/inference';

type Outcome =
  | { kind: 'registered'; version: ModelVersionDto }
  | { kind: 'rejected'; reasons: ModelRejection[] }
  | { kind: 'error'; message: string };

export function ModelUploadForm() {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(null);
    const data = new FormData(event.currentTarget);
    const model = data.get('model');
    const cardFile = data.get('cardFile');
    const cardText = ((data.get('cardText') as string | null) ?? '').trim();
    const hasCardFile = cardFile instanceof File && cardFile.size > 0;
    const errors: Record<string, string[]> = {};
    if (!(model instanceof File) || model.size === 0) errors.model = ['Choose the model file (.onnx).'];
    if (!hasCardFile && !cardText) errors.cardFile = ['Add the model card: a JSON or YAML file, or the card pasted below.'];
    if (hasCardFile && cardText) errors.cardText = ['Give the card once: a file or pasted text, not both.'];
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;

    const body = new FormData();
    body.append('model', model as File);
    if (hasCardFile) body.append('card', cardFile);
    else body.append('card', cardText);
    setBusy(true);
    try {
      const response = await fetch('/api/admin/models', { method: 'POST', body });
      const answer = (await response.json().catch(() => ({}))) as Partial<ModelVersionDto> & { message?: string; reasons?: ModelRejection[]; fieldErrors?: Record<string, string[]> };
      if (response.status === 201) {
        setOutcome({ kind: 'registered', version: answer as ModelVersionDto });
        form.current?.reset();
        router.refresh();
      } else if (response.status === 422 && answer.reasons) {
        setOutcome({ kind: 'rejected', reasons: answer.reasons });
      } else {
        setOutcome({ kind: 'error', message: answer.message ?? `The upload was refused (${response.status}). Nothing was stored.` });
        setFieldErrors({ model: answer.fieldErrors?.model, cardFile: answer.fieldErrors?.card });
      }
    } catch {
      setOutcome({ kind: 'error', message: 'The upload did not reach the server. Check the connection and try again; nothing was stored.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" aria-label="Register a model version" noValidate>
      <Field id="model-file" label="Model file (.onnx)" errors={fieldErrors.model} hint="ONNX IR ≤ 8, ai.onnx opset ≤ 15, ai.onnx.ml ≤ 3; the card embedded as metadata “konsil.card”. At most 20 MB.">
        {(describedBy, invalid) => <Input id="model-file" name="model" type="file" accept=".onnx,application/octet-stream" aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
      </Field>
      <Field id="card-file" label="Model card (JSON or YAML file)" errors={fieldErrors.cardFile} hint="The card that travels with the model (lib/models/model-card.ts), as card.json or card.yaml. Or paste it below.">
        {(describedBy, invalid) => <Input id="card-file" name="cardFile" type="file" accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml" aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
      </Field>
      <Field id="card-text" label="…or the card, pasted (JSON or YAML)" errors={fieldErrors.cardText}>
        {(describedBy, invalid) => (
          <textarea
            id="card-text"
            name="cardText"
            rows={6}
            spellCheck={false}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs shadow-sm aria-invalid:border-red-600"
          />
        )}
      </Field>
      {outcome?.kind === 'registered' && (
        <Alert tone="success">
          Registered {outcome.version.modelKey} {outcome.version.semver} ({outcome.version.status.toLowerCase()}). It runs on no case until you put it in
          shadow mode or activate it.
        </Alert>
      )}
      {outcome?.kind === 'rejected' && (
        <Alert tone="error">
          <p className="font-medium">The model was not registered; nothing was stored. {outcome.reasons.length === 1 ? 'The reason:' : `All ${outcome.reasons.length} reasons:`}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="upload-rejections">
            {outcome.reasons.map((reason, i) => (
              <li key={`${reason.code}-${i}`} data-testid="upload-rejection" data-code={reason.code} data-path={reason.path ?? ''}>
                <code className="font-mono text-xs">{reason.code}</code>
                {reason.path && (
                  <>
                    {' at '}
                    <code className="font-mono text-xs">{reason.path}</code>
                  </>
                )}
                : <span data-testid="upload-rejection-message">{reason.message}</span>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {outcome?.kind === 'error' && <Alert tone="error">{outcome.message}</Alert>}
      <Button type="submit" disabled={busy}>
        {busy ? 'Validating…' : 'Validate and register'}
      </Button>
    </form>
  );
}
