// Konsil's own store: which handler serves which DICOMweb resource.
import { DicomwebError } from './dicomweb-error';
import { localQido } from './local-qido';
import { localBulk, localFrames, localMetadata, localRetrieve, localWadoUri } from './local-wado';
import type { DicomwebTarget } from './parse-path';
import type { DicomwebContext } from './request-context';

export async function serveLocal(target: DicomwebTarget, context: DicomwebContext): Promise<Response> {
  switch (target.kind) {
    case 'qido':
      return localQido(target, context);
    case 'metadata':
      return localMetadata(target, context);
    case 'retrieve':
      return localRetrieve(target, context);
    case 'frames':
      return localFrames(target, target.frames, context);
    case 'bulk':
      return localBulk(target, target.tagPath, context);
    case 'wado-uri':
      return localWadoUri(context);
    case 'rendered':
    case 'thumbnail':
      // Rendering needs image codecs on the server; Konsil's viewer decodes in the browser.
      throw new DicomwebError(501, 'Konsil does not render images on the server; retrieve frames instead.');
  }
}
