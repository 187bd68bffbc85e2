import { describe, expect, it } from 'vitest';
import { read, values } from '../test-helpers';

describe('stage group', () => {
  it('reads roman and arabic stage groups with the system when named', () => {
    expect(read('UICC stage IIIA, not resectable.', 'STAGE_GROUP')).toMatchObject([{ value: 'IIIA', evidence: 'UICC stage IIIA', rule: 'stage.system-named' }]);
    expect(values('stage IV disease', 'STAGE_GROUP')).toEqual(['IV']);
    expect(values('Stage 3b colon cancer', 'STAGE_GROUP')).toEqual(['IIIB']);
    expect(values('FIGO stage IIIC1', 'STAGE_GROUP')).toEqual(['IIIC1']);
    expect(values('AJCC prognostic stage IB', 'STAGE_GROUP')).toEqual(['IB']);
    expect(values('stage 0', 'STAGE_GROUP')).toEqual(['0']);
  });

  it('ignores other staging systems and stage without a group', () => {
    for (const text of ['CKD stage 3', 'NYHA stage II heart failure', 'early stage disease', 'the stage is unclear', 'stage v of the trial']) {
      expect(read(text, 'STAGE_GROUP'), text).toEqual([]);
    }
  });
});
