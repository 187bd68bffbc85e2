// dicom-parser ships one UMD file: bundlers (Next, vitest) expose its functions as
// named exports, Node's own ESM loader (tsx scripts) only as `default`. Import it
// from here so both work.
import * as dicomParserNamespace from 'dicom-parser';

type DicomParser = typeof dicomParserNamespace;

const dicomParser: DicomParser =
  (dicomParserNamespace as unknown as { default?: DicomParser }).default ?? dicomParserNamespace;

export default dicomParser;
export type { DataSet, Element, Fragment } from 'dicom-parser';
