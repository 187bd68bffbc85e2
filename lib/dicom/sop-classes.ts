// Which stored objects are images a viewer can page through. An object is an
// image when it has pixel data (7FE0,0010 / 0008 / 0009) AND its SOP class is
// not one of the non-image families below, even if it carries pixel data:
//   1.2.840.10008.5.1.4.1.1.88.*   Structured Reports, Key Object Selection (KO), CAD SR…
//   1.2.840.10008.5.1.4.1.1.11.*   Presentation States (PR)
//   1.2.840.10008.5.1.4.1.1.66, .66.1, .66.3, .66.5, .66.6   Raw Data, Spatial/Deformable Registration, Surface Segmentation, Tractography
//   1.2.840.10008.5.1.4.1.1.66.4, .66.7   Segmentation (SEG), Label Map Segmentation: overlays on an image, not images
//   1.2.840.10008.5.1.4.1.1.9.*    Waveforms (ECG, audio…)
//   1.2.840.10008.5.1.4.1.1.104.*  Encapsulated PDF/CDA/STL/OBJ/MTL
//   1.2.840.10008.5.1.4.1.1.481.3 (RTSTRUCT), .481.4–.481.9 (RT plans and treatment records)
//   1.2.840.10008.5.1.4.34.*       Second-generation RT objects
//   1.2.840.10008.5.1.4.38.*, .39.*, .43.*, .44.*, .45.*   Hanging protocols, color palettes, generic implant templates…
// RT Dose (.481.2) follows the pixel data rule: a dose grid is an image, a DVH-only RT Dose is not.
const NON_IMAGE_PREFIXES = [
  '1.2.840.10008.5.1.4.1.1.88.',
  '1.2.840.10008.5.1.4.1.1.11.',
  '1.2.840.10008.5.1.4.1.1.9.',
  '1.2.840.10008.5.1.4.1.1.104.',
  '1.2.840.10008.5.1.4.34.',
  '1.2.840.10008.5.1.4.38.',
  '1.2.840.10008.5.1.4.39.',
  '1.2.840.10008.5.1.4.43.',
  '1.2.840.10008.5.1.4.44.',
  '1.2.840.10008.5.1.4.45.',
];
const NON_IMAGE_CLASSES = new Set([
  '1.2.840.10008.5.1.4.1.1.66',
  '1.2.840.10008.5.1.4.1.1.66.1',
  '1.2.840.10008.5.1.4.1.1.66.3',
  '1.2.840.10008.5.1.4.1.1.66.4',
  '1.2.840.10008.5.1.4.1.1.66.5',
  '1.2.840.10008.5.1.4.1.1.66.6',
  '1.2.840.10008.5.1.4.1.1.66.7',
  '1.2.840.10008.5.1.4.1.1.481.3',
  '1.2.840.10008.5.1.4.1.1.481.4',
  '1.2.840.10008.5.1.4.1.1.481.5',
  '1.2.840.10008.5.1.4.1.1.481.6',
  '1.2.840.10008.5.1.4.1.1.481.7',
  '1.2.840.10008.5.1.4.1.1.481.8',
  '1.2.840.10008.5.1.4.1.1.481.9',
]);

/** DICOMDIR: Media Storage Directory Storage (PS3.10 8.2, PS3.3 F). */
export const MEDIA_STORAGE_DIRECTORY_SOP_CLASS = '1.2.840.10008.1.3.10';

export function isNonImageSopClass(sopClassUid: string): boolean {
  return NON_IMAGE_CLASSES.has(sopClassUid) || NON_IMAGE_PREFIXES.some((prefix) => sopClassUid.startsWith(prefix));
}

export function isImageObject(sopClassUid: string, hasPixelData: boolean): boolean {
  return hasPixelData && !isNonImageSopClass(sopClassUid);
}
