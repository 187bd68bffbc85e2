import { describe, expect, it } from 'vitest';
import { FhirInputError } from './fhir-input-error';
import { findJsonSyntaxError, parseFhirJson } from './parse-fhir-json';

function messageOf(text: string): string {
  try {
    parseFhirJson(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FhirInputError);
    expect((error as FhirInputError).outcome.issue?.[0]?.severity).toBe('error');
    return (error as Error).message;
  }
  throw new Error('expected parseFhirJson to throw');
}

describe('parseFhirJson', () => {
  it('parses JSON, with or without a byte order mark', () => {
    expect(parseFhirJson('{"resourceType":"Patient"}')).toEqual({ resourceType: 'Patient' });
    expect(parseFhirJson('\ufeff{"resourceType":"Patient"}')).toEqual({ resourceType: 'Patient' });
  });

  it('names line and column of a missing comma', () => {
    const text = '{\n  "resourceType": "Bundle",\n  "type": "batch" "entry": []\n}';
    expect(messageOf(text)).toBe("Invalid JSON at line 3, column 19: expected ',' or '}' after a property value, but unexpected character \"\\\"\"");
  });

  it('explains trailing commas, single quotes, raw line breaks and truncation', () => {
    expect(messageOf('{"a": [1, 2,]}')).toMatch(/^Invalid JSON at line 1, column 13: .*trailing comma/);
    expect(messageOf('{"a": 1,}')).toMatch(/^Invalid JSON at line 1, column 9: .*trailing comma/);
    expect(messageOf("{'a': 1}")).toMatch(/^Invalid JSON at line 1, column 2: expected a property name in double quotes/);
    expect(messageOf('{"a": \'x\'}')).toMatch(/column 7: .*strings need double quotes/);
    expect(messageOf('{"text": "line one\nline two"}')).toMatch(/^Invalid JSON at line 1, column 19: a line break or control character inside a string/);
    expect(messageOf('{"resourceType": "Patient",\n "name": [')).toMatch(/^Invalid JSON at line 2, column 11: the text ended/);
    expect(messageOf('{"a": 1} {"b": 2}')).toMatch(/column 10: unexpected text after the end/);
    expect(messageOf('{"a": 01}')).toMatch(/column 8: expected ',' or '}'/);
  });

  it('refuses empty input with its own message', () => {
    expect(messageOf('  \n')).toBe('The file is empty: expected a FHIR resource or Bundle in JSON.');
  });

  it('never quotes the payload beyond one character (it may hold patient data)', () => {
    expect(messageOf('{"name": "Erika Mustermann" x}')).not.toContain('Mustermann');
  });

  it('agrees with JSON.parse on valid input, including deep nesting', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    for (const text of ['{}', '[]', '"x"', '-1.5e+3', '{"a":{"b":[true,false,null,"\\u00e4\\n"]}}', deep]) {
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });
});
