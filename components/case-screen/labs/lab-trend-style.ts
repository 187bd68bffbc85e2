// Colours and size shared by the trend's figure and its lazily loaded plot.
export const TREND_COLORS = {
  line: '#175668', // brand-700
  flagged: '#b91c1c', // red-700
  reference: '#16a34a', // green-600
  'systemic-therapy': '#7c3aed', // violet-600
  radiotherapy: '#d97706', // amber-600
  surgery: '#475569', // slate-600
} as const;

/** Height of the drawn plot in px; the placeholder keeps the same height so nothing jumps. */
export const TREND_PLOT_HEIGHT = 260;
