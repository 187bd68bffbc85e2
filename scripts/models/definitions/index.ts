// Every model Konsil trains. Adding a model = a definition file + one line here.
import type { TrainedModel } from '../lib/trained-model';
import { trainLung } from './lung';
import { trainRotterdam } from './rotterdam';
import { trainWdbc } from './wdbc';

export const MODEL_DEFINITIONS: { key: string; train(): TrainedModel }[] = [
  { key: 'breast-malignancy-wdbc', train: trainWdbc },
  { key: 'breast-rfs-rotterdam', train: trainRotterdam },
  { key: 'lung-os-ncctg', train: trainLung },
];
