// Every family extractor, in the order their facts are listed when two start at
// the same offset.
import type { FamilyExtractor } from '../types';
import { extractGrade } from './grade';
import { extractHer2 } from './her2';
import { extractHormoneReceptors } from './hormone-receptors';
import { extractKi67 } from './ki67';
import { extractMargins } from './margins';
import { extractMetastasis } from './metastasis';
import { extractMutations } from './mutations';
import { extractNodes } from './nodes';
import { extractPdl1 } from './pd-l1';
import { extractPerformanceStatus } from './performance-status';
import { extractStageGroup } from './stage-group';
import { extractTnm } from './tnm';
import { extractTumorSize } from './tumor-size';

export const FAMILIES: readonly FamilyExtractor[] = [
  extractTnm,
  extractStageGroup,
  extractPerformanceStatus,
  extractHormoneReceptors,
  extractHer2,
  extractKi67,
  extractPdl1,
  extractGrade,
  extractTumorSize,
  extractNodes,
  extractMargins,
  extractMutations,
  extractMetastasis,
];
