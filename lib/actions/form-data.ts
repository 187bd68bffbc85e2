/**
 * Turns FormData into a plain object for zod. A key that appears more than once
 * (checkbox groups such as `roles`) becomes an array; keys ending in "[]" always do.
 * File entries are dropped: uploads go through route handlers, not actions.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of formData.entries()) {
    if (typeof value !== 'string') continue;
    if (rawKey.startsWith('$ACTION')) continue; // React's own bookkeeping fields
    const isList = rawKey.endsWith('[]');
    const key = isList ? rawKey.slice(0, -2) : rawKey;
    const existing = out[key];
    if (existing === undefined) out[key] = isList ? [value] : value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
  return out;
}
