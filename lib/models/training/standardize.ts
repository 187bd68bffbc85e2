// Column means and standard deviations of a row-major design. The SD is the population SD
// (divide by n), the convention of scikit-learn's StandardScaler, so a cross-check against it
// compares like with like.

export function columnMeans(rows: readonly (readonly number[])[]): number[] {
  const p = rows[0]?.length ?? 0;
  const sums = new Array<number>(p).fill(0);
  for (const row of rows) for (let j = 0; j < p; j++) sums[j]! += row[j]!;
  return sums.map((s) => s / rows.length);
}

export function columnSds(rows: readonly (readonly number[])[], means: readonly number[] = columnMeans(rows)): number[] {
  const sums = means.map(() => 0);
  for (const row of rows) for (let j = 0; j < means.length; j++) sums[j]! += (row[j]! - means[j]!) ** 2;
  return sums.map((s) => Math.sqrt(s / rows.length));
}
