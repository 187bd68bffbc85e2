// Harrell's concordance index for right-censored data. A pair is comparable when the subject
// with the shorter time had the event; at equal times, an event and a censoring are
// comparable (the censored subject is known to have outlived the event time), two events are
// not. Higher risk should mean shorter survival; tied risk scores count ½.
// This is what R's survival::concordance reports (timewt = "n").

export type ConcordanceCounts = { concordant: number; discordant: number; tiedRisk: number; comparable: number };

export function concordanceCounts(time: readonly number[], event: readonly number[], risk: readonly number[]): ConcordanceCounts {
  let concordant = 0;
  let discordant = 0;
  let tiedRisk = 0;
  const n = time.length;
  for (let i = 0; i < n; i++) {
    if (event[i] !== 1) continue;
    const ti = time[i]!;
    const ri = risk[i]!;
    for (let j = 0; j < n; j++) {
      const tj = time[j]!;
      // j must have outlived i: a later time, or the same time but censored.
      if (!(tj > ti || (tj === ti && event[j] !== 1))) continue;
      const rj = risk[j]!;
      if (ri > rj) concordant++;
      else if (ri < rj) discordant++;
      else tiedRisk++;
    }
  }
  return { concordant, discordant, tiedRisk, comparable: concordant + discordant + tiedRisk };
}

export function harrellC(time: readonly number[], event: readonly number[], risk: readonly number[]): number {
  const c = concordanceCounts(time, event, risk);
  return (c.concordant + c.tiedRisk / 2) / c.comparable;
}
