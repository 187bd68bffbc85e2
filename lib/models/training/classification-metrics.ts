// Held-out metrics of a binary classifier. y: 1 = positive (malignant), p: predicted P(y = 1).

/**
 * Area under the ROC curve = P(score of a random positive > score of a random negative),
 * ties counted ½ (the Mann–Whitney statistic, via mid-ranks).
 */
export function auc(y: readonly number[], p: readonly number[]): number {
  const order = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);
  const ranks = new Array<number>(p.length);
  let k = 0;
  while (k < order.length) {
    let end = k;
    while (end + 1 < order.length && p[order[end + 1]!] === p[order[k]!]) end++;
    const midRank = (k + end) / 2 + 1;
    for (let m = k; m <= end; m++) ranks[order[m]!] = midRank;
    k = end + 1;
  }
  const positives = y.filter((v) => v === 1).length;
  const negatives = y.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  const rankSum = y.reduce((s, v, i) => (v === 1 ? s + ranks[i]! : s), 0);
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Accuracy, sensitivity and specificity when p ≥ threshold is called positive. */
export function thresholdMetrics(y: readonly number[], p: readonly number[], threshold: number) {
  let tp = 0;
  let tn = 0;
  let fp = 0;
  let fn = 0;
  y.forEach((v, i) => {
    const called = p[i]! >= threshold;
    if (v === 1) called ? tp++ : fn++;
    else called ? fp++ : tn++;
  });
  return {
    accuracy: (tp + tn) / y.length,
    sensitivity: tp / (tp + fn),
    specificity: tn / (tn + fp),
  };
}

/** Mean squared difference between predicted probability and outcome. */
export function brierScore(y: readonly number[], p: readonly number[]): number {
  return y.reduce((s, v, i) => s + (p[i]! - v) ** 2, 0) / y.length;
}
