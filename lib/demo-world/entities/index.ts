// The entities of the world, in the order patients are dealt to them (patient i
// gets ENTITY_MODULES[i % n]), and the boards their cases go to.
import type { EntityModule } from '../clinical/story';
import { breastModule } from './breast';
import { colorectalModule } from './colorectal';
import { lungModule } from './lung';
import { melanomaModule } from './melanoma';
import { prostateModule } from './prostate';

export const ENTITY_MODULES: readonly EntityModule[] = [lungModule, breastModule, colorectalModule, prostateModule, melanomaModule];

/**
 * Board slugs the world assigns cases to. thoracic, breast and gi exist in
 * prisma/seed/demo-world.ts; uro and skin are new boards the seed must create.
 */
export const BOARD_SLUGS = {
  thoracic: { name: 'Thoracic Tumor Board', entityFocus: ['LUNG'] },
  breast: { name: 'Breast Cancer Board', entityFocus: ['BREAST'] },
  gi: { name: 'Gastrointestinal Tumor Board', entityFocus: ['COLORECTAL', 'UPPER_GI', 'PANCREAS', 'HEPATOBILIARY'] },
  uro: { name: 'Uro-Oncology Board', entityFocus: ['PROSTATE', 'KIDNEY', 'BLADDER'] },
  skin: { name: 'Skin Cancer Board', entityFocus: ['SKIN'] },
} as const;
