import { describe, expect, it } from 'vitest';
import { formDataToObject } from './form-data';

describe('formDataToObject', () => {
  it('keeps single values as strings and repeated keys as arrays', () => {
    const fd = new FormData();
    fd.append('email', 'a@b.org');
    fd.append('roles', 'ADMIN');
    fd.append('roles', 'CLINICIAN');
    expect(formDataToObject(fd)).toEqual({ email: 'a@b.org', roles: ['ADMIN', 'CLINICIAN'] });
  });
  it('treats keys ending in [] as lists even with one value', () => {
    const fd = new FormData();
    fd.append('roles[]', 'ADMIN');
    expect(formDataToObject(fd)).toEqual({ roles: ['ADMIN'] });
  });
  it('drops files and React bookkeeping fields', () => {
    const fd = new FormData();
    fd.append('file', new Blob(['x']), 'x.txt');
    fd.append('$ACTION_ID_abc', '');
    expect(formDataToObject(fd)).toEqual({});
  });
});
