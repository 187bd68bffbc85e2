import { Select } from '@/components/ui/field';
import { specialties, specialtyLabels, type Specialty } from '@/lib/schemas/user';

export function SpecialtySelect({ id, defaultValue, describedBy }: { id: string; defaultValue?: Specialty | null; describedBy?: string }) {
  return (
    <Select id={id} name="specialty" defaultValue={defaultValue ?? ''} aria-describedby={describedBy}>
      <option value="">— none —</option>
      {specialties.map((s) => (
        <option key={s} value={s}>
          {specialtyLabels[s]}
        </option>
      ))}
    </Select>
  );
}
