// Lookups in dcmjs's DICOM data dictionary: the VR of a tag (implicit VR data
// sets do not carry it) and a readable name for messages. Results are cached
// per tag because the scanner asks once per element.
import dcmjs from 'dcmjs';
import { formatTag } from './tags';

// dcmjs logs every odd VR it meets ("Invalid vr type ox"); Konsil reports what
// matters as import warnings instead of flooding the server log.
dcmjs.log.setLevel('silent');
dcmjs.log.getLogger('validation.dcmjs').setLevel('silent');

const cache = new Map<number, { vr: string | undefined; name: string | undefined }>();

function lookup(tag: number) {
  let entry = cache.get(tag);
  if (!entry) {
    const known = dcmjs.data.DicomMetaDictionary.dictionary[formatTag(tag)];
    entry = { vr: known?.vr, name: known?.name };
    cache.set(tag, entry);
  }
  return entry;
}

/** The dictionary VR of a public tag ("SQ", "US", "ox" for ambiguous ones), undefined for private or unknown tags. */
export function dictionaryVr(tag: number): string | undefined {
  return lookup(tag).vr;
}

/** "Pixel Data (7FE0,0010)", or just "(0009,1001)" for private and unknown tags. */
export function describeTag(tag: number): string {
  const name = lookup(tag).name;
  if (!name) return formatTag(tag);
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return `${words} ${formatTag(tag)}`;
}
