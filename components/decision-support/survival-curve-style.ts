// Shared by the survival figure and its lazily loaded plot, so the placeholder keeps the height.
export const SURVIVAL_PLOT_HEIGHT = 220;
export const SURVIVAL_COLOR = '#175668'; // brand-700
