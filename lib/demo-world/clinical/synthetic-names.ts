// Names that announce themselves as invented: family names are German words for
// "example", "sample", "test"…, so no demo screen can be mistaken for a real
// patient's record. Given names are ordinary, to keep screens readable. All are
// plain ASCII so the DICOM PatientName equals the FHIR name without a character set.
export const SYNTHETIC_FAMILY_NAMES = [
  'Beispiel', 'Muster', 'Probe', 'Testmann', 'Demo', 'Fiktiv', 'Synthetik', 'Modell', 'Attrappe',
  'Platzhalter', 'Exempel', 'Simulant', 'Erfunden', 'Schablone', 'Vorlage', 'Entwurf', 'Prototyp',
  'Testfall', 'Musterfrau', 'Mustermann', 'Beleg', 'Kunstmann', 'Spielmann', 'Nachbildung',
] as const;

export const SYNTHETIC_GIVEN_NAMES = {
  FEMALE: ['Anna', 'Maria', 'Sabine', 'Petra', 'Elif', 'Katrin', 'Monika', 'Ingrid', 'Yasemin', 'Ewa', 'Helga', 'Birgit', 'Lena', 'Ursula', 'Doris', 'Agnieszka'],
  MALE: ['Klaus', 'Jens', 'Ahmet', 'Peter', 'Stefan', 'Wolfgang', 'Dieter', 'Mehmet', 'Uwe', 'Thomas', 'Bernd', 'Karl', 'Piotr', 'Rainer', 'Horst', 'Andreas'],
} as const;

/** Pseudonyms shown in teaching views: "Patient <Tree>-<number>", unique per world index. */
export const PSEUDONYM_WORDS = [
  'Amber', 'Birch', 'Cedar', 'Dune', 'Elm', 'Fern', 'Grove', 'Heath', 'Iris', 'Juniper', 'Kestrel', 'Larch',
  'Maple', 'Nettle', 'Oak', 'Pine', 'Quince', 'Rowan', 'Sage', 'Thistle', 'Umber', 'Vale', 'Willow', 'Yew',
] as const;
