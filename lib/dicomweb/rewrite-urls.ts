// A PACS's DICOM JSON names its own URLs (RetrieveURL, BulkDataURI). A viewer
// following them would bypass Konsil's permission check and audit, and could not
// authenticate anyway, so each is rewritten onto Konsil's DICOMweb root; a URL
// outside the PACS's DICOMweb root is dropped rather than passed on.
import type { DicomAttribute, DicomJson } from './dicom-json';

export function rewritePacsUrls(dataset: DicomJson, pacsRoot: string, konsilRoot: string): DicomJson {
  const root = new URL(`${pacsRoot.replace(/\/+$/, '')}/`);
  const rewrite = (value: string): string | null => {
    let url: URL;
    try {
      url = new URL(value, root);
    } catch {
      return null;
    }
    // By path, not host: a PACS builds its URLs from the Host it was addressed by.
    if (!url.pathname.startsWith(root.pathname)) return null;
    return `${konsilRoot}/${url.pathname.slice(root.pathname.length)}${url.search}`;
  };

  const walk = (node: DicomJson): DicomJson => {
    const out: DicomJson = {};
    for (const [tag, attribute] of Object.entries(node)) out[tag] = rewriteAttribute(tag, attribute, rewrite, walk);
    return out;
  };
  return walk(dataset);
}

/** RetrieveURL (0008,1190) is the PACS's; other UR values (code system URLs…) are data and stay. */
const RETRIEVE_URL = '00081190';

function rewriteAttribute(tag: string, attribute: DicomAttribute, rewrite: (value: string) => string | null, walk: (node: DicomJson) => DicomJson): DicomAttribute {
  if (attribute.BulkDataURI !== undefined) {
    const uri = rewrite(attribute.BulkDataURI);
    return uri ? { ...attribute, BulkDataURI: uri } : { vr: attribute.vr };
  }
  if (tag === RETRIEVE_URL && attribute.Value) {
    const values = attribute.Value.map((value) => (typeof value === 'string' ? rewrite(value) : null)).filter((value): value is string => value !== null);
    return values.length > 0 ? { vr: attribute.vr, Value: values } : { vr: attribute.vr };
  }
  if (attribute.vr === 'SQ' && attribute.Value) {
    return { ...attribute, Value: attribute.Value.map((item) => (item && typeof item === 'object' ? walk(item as DicomJson) : item)) };
  }
  return attribute;
}
