// card.md: the human-readable model card, generated from card.json (never edited by hand).
import type { CardFile } from '@/lib/models/model-card';
import { describeSource } from './describe-source';

export function renderCardMarkdown(card: CardFile): string {
  const lines: string[] = [];
  const p = (...text: string[]) => lines.push(...text);
  p(`<!-- Generated from card.json by scripts/models/train-all.ts. Do not edit. -->`, '');
  p(`# ${card.name}`, '');
  p(`\`${card.modelKey}\` version ${card.version} · ${card.kind} · ${card.entities.join(', ')} · ${card.date} · ${card.author}`, '');
  p(`> **${card.regulatoryStatus}**`, '');
  p('## Intended use', '', card.intendedUse, '');
  p('## Data', '');
  p(`- **Training** (n = ${card.trainingData.n}): ${card.trainingData.description}`);
  p(`  Citation: ${card.trainingData.citation} Licence: ${card.trainingData.licence}.`);
  if (card.externalData) {
    p(`- **External validation** (n = ${card.externalData.n}): ${card.externalData.description}`);
    p(`  Citation: ${card.externalData.citation} Licence: ${card.externalData.licence}.`);
  }
  p('', '## Method', '', card.method, '');
  p('## Inputs', '');
  p(`One float32 tensor \`${card.input.name}\` of shape [1, ${card.features.length}], in this order and these units:`, '');
  p('| # | Name | Label | Unit | Source | Valid range | If missing | Training mean |');
  p('|---|---|---|---|---|---|---|---|');
  card.features.forEach((f, i) => {
    const conversions = f.conversions.map((c) => `from ${c.from}: ×${c.factor}${c.offset ? ` + ${c.offset}` : ''}`).join('; ');
    const missing = f.missing.policy === 'block' ? 'not scored' : `impute ${f.missing.value}`;
    const cells = [
      String(i),
      `\`${f.name}\``,
      f.label,
      `${f.unit}${conversions ? ` (${conversions})` : ''}`,
      describeSource(f.source),
      `${f.validRange.min} – ${f.validRange.max}`,
      missing,
      num(f.trainingMean),
    ];
    p(row(cells));
  });
  p('', '## Outputs', '');
  for (const o of card.outputs) p(`- \`${o.name}\` [${o.shape.join(', ')}]: ${o.description}`);
  if (card.horizonsMonths) p(`- Horizons (months): ${card.horizonsMonths.join(', ')}`);
  p('', '## Performance', '');
  p(`Re-training must reproduce each value within ±${card.metricTolerance} (\`npm run models:verify\`).`, '');
  p('| Metric | Cohort | n | Value | 95 % CI |');
  p('|---|---|---|---|---|');
  for (const m of card.metrics) p(row([m.name, m.cohort, String(m.n), String(m.value), `${m.ci95[0]} – ${m.ci95[1]}`]));
  p('', '## Limitations', '');
  for (const l of card.limitations) p(`- ${l}`);
  p('', '## Test vectors', '');
  p(`The ONNX file must reproduce these within ±${card.testVectorTolerance}.`, '');
  card.testVectors.forEach((v, i) => {
    p(`${i + 1}. Inputs: ${Object.entries(v.inputs).map(([k, x]) => `${k} = ${x}`).join(', ')}`);
    p(`   Expected: ${Object.entries(v.expected).map(([k, xs]) => `${k} = [${xs.map(num).join(', ')}]`).join('; ')}`);
  });
  p('', '## File', '', `\`model.onnx\` sha256 \`${card.fileSha256}\``, '');
  return lines.join('\n');
}

/** A table row; a "|" inside a cell (e.g. system|code) would end the cell. */
function row(cells: string[]): string {
  return `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
}

function num(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(6);
}
