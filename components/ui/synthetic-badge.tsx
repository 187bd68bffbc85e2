import { Badge } from './badge';

/** Shown next to every synthetic (demo/test) patient so nobody mistakes them for real people. */
export function SyntheticBadge() {
  return (
    <Badge tone="warning" className="uppercase tracking-wide">
      <span title="Invented demo patient, not a real person">Synthetic</span>
    </Badge>
  );
}
