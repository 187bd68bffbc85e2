// Where lesions may sit: a box for the centre inside an organ of the phantom
// (ct/anatomy.ts), the words a radiologist uses for the place, and the tissue it
// is compared with. Boxes leave room for lesions up to `maxDiameterMm`.
import { BODY_SITE, type Coding } from '../clinical/code-systems';
import { HU } from './anatomy';

export interface LesionSite {
  label: string;
  /** Section of the CT report the finding belongs to. */
  section: 'Lungs' | 'Mediastinum' | 'Breasts' | 'Axillae' | 'Liver' | 'Adrenals' | 'Pancreas' | 'Lymph nodes' | 'Bowel' | 'Pelvis' | 'Soft tissues';
  box: { x: [number, number]; y: [number, number]; z: [number, number] };
  /** Attenuation around the lesion in the phantom. */
  backgroundHu: number;
  /** Soft tissue of the host organ; lesions are 40–60 HU above it (lung and fat hosts use soft tissue). */
  tissueHu: number;
  maxDiameterMm: number;
  bodySite: Coding;
}

export const LESION_SITES = {
  'lung-right-upper': { label: 'right upper lobe', section: 'Lungs', box: { x: [-92, -58], y: [-15, 20], z: [70, 112] }, backgroundHu: HU.lung, tissueHu: HU.softTissue, maxDiameterMm: 45, bodySite: BODY_SITE.rightUpperLobe },
  'lung-left-lower': { label: 'left lower lobe', section: 'Lungs', box: { x: [72, 95], y: [15, 45], z: [18, 45] }, backgroundHu: HU.lung, tissueHu: HU.softTissue, maxDiameterMm: 35, bodySite: BODY_SITE.leftLowerLobe },
  'lung-right-lower': { label: 'right lower lobe', section: 'Lungs', box: { x: [-95, -65], y: [15, 45], z: [18, 45] }, backgroundHu: HU.lung, tissueHu: HU.softTissue, maxDiameterMm: 35, bodySite: BODY_SITE.lung },
  'mediastinal-node': { label: 'subcarinal lymph node (station 7)', section: 'Mediastinum', box: { x: [-8, 4], y: [-2, 8], z: [75, 90] }, backgroundHu: HU.mediastinalFat, tissueHu: HU.softTissue, maxDiameterMm: 25, bodySite: BODY_SITE.lymphNode },
  'breast-left': { label: 'left breast, upper outer quadrant', section: 'Breasts', box: { x: [68, 82], y: [-130, -122], z: [55, 68] }, backgroundHu: HU.breastGland, tissueHu: HU.breastGland, maxDiameterMm: 30, bodySite: BODY_SITE.breast },
  'breast-right': { label: 'right breast, upper outer quadrant', section: 'Breasts', box: { x: [-82, -68], y: [-130, -122], z: [55, 68] }, backgroundHu: HU.breastGland, tissueHu: HU.breastGland, maxDiameterMm: 30, bodySite: BODY_SITE.breast },
  'axilla-left': { label: 'left axilla (level I)', section: 'Axillae', box: { x: [112, 120], y: [-35, -22], z: [88, 98] }, backgroundHu: HU.muscle, tissueHu: HU.softTissue, maxDiameterMm: 20, bodySite: BODY_SITE.lymphNode },
  'liver-right': { label: 'liver segment VII', section: 'Liver', box: { x: [-92, -62], y: [0, 25], z: [-60, -40] }, backgroundHu: HU.liver, tissueHu: HU.liver, maxDiameterMm: 40, bodySite: BODY_SITE.liver },
  'liver-left': { label: 'liver segment III', section: 'Liver', box: { x: [-30, -15], y: [-40, -25], z: [-55, -35] }, backgroundHu: HU.liver, tissueHu: HU.liver, maxDiameterMm: 25, bodySite: BODY_SITE.liver },
  'adrenal-left': { label: 'left adrenal gland', section: 'Adrenals', box: { x: [42, 52], y: [22, 30], z: [-55, -45] }, backgroundHu: HU.bowel, tissueHu: HU.softTissue, maxDiameterMm: 25, bodySite: BODY_SITE.adrenal },
  'pancreas-head': { label: 'pancreatic head', section: 'Pancreas', box: { x: [-18, -8], y: [10, 14], z: [-69, -67] }, backgroundHu: HU.pancreas, tissueHu: HU.pancreas, maxDiameterMm: 35, bodySite: BODY_SITE.pancreas },
  'retroperitoneal-node': { label: 'left para-aortic lymph node', section: 'Lymph nodes', box: { x: [38, 44], y: [38, 46], z: [-105, -85] }, backgroundHu: HU.bowel, tissueHu: HU.softTissue, maxDiameterMm: 22, bodySite: BODY_SITE.lymphNode },
  'pelvic-node': { label: 'right external iliac lymph node', section: 'Lymph nodes', box: { x: [-58, -48], y: [0, 12], z: [-132, -122] }, backgroundHu: HU.bowel, tissueHu: HU.softTissue, maxDiameterMm: 22, bodySite: BODY_SITE.lymphNode },
  sigmoid: { label: 'sigmoid colon', section: 'Bowel', box: { x: [28, 38], y: [-15, -5], z: [-118, -110] }, backgroundHu: HU.bowel, tissueHu: HU.softTissue, maxDiameterMm: 40, bodySite: BODY_SITE.sigmoid },
  rectum: { label: 'mid rectum', section: 'Bowel', box: { x: [-3, 3], y: [28, 34], z: [-140, -132] }, backgroundHu: HU.rectalWall, tissueHu: HU.rectalWall, maxDiameterMm: 40, bodySite: BODY_SITE.rectum },
  prostate: { label: 'left peripheral zone of the prostate', section: 'Pelvis', box: { x: [2, 6], y: [-8, -4], z: [-154, -150] }, backgroundHu: HU.prostate, tissueHu: HU.prostate, maxDiameterMm: 20, bodySite: BODY_SITE.prostate },
  'subcutaneous-back': { label: 'subcutaneous tissue of the left upper back', section: 'Soft tissues', box: { x: [30, 55], y: [104, 106], z: [30, 80] }, backgroundHu: HU.fat, tissueHu: HU.softTissue, maxDiameterMm: 14, bodySite: BODY_SITE.subcutaneous },
} as const satisfies Record<string, LesionSite>;

export type LesionSiteKey = keyof typeof LESION_SITES;
