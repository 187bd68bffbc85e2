// The assertion lexicon: words that make a finding negated or uncertain, in the
// NegEx tradition (Chapman et al. 2001; ConText, Harkema et al. 2009), trimmed to
// what pathology, radiology and molecular reports write.
//
// `pre` cues govern what follows them ("no evidence of distant metastasis"),
// `post` cues what precedes them ("BRAF V600E not detected"). Pseudo cues look
// like cues but are not ("no change", "not only"); they are matched so that the
// "no" inside them cannot fire.
//
// Deliberately absent:
// - "consistent with", "compatible with", "in keeping with": radiologists use them
//   to affirm ("consistent with a known metastasis"), so they leave a finding present.
// - bare "negative" and "not": "HER2 negative" and "not amplified" are values of a
//   biomarker, not a statement that the biomarker is absent; the families that need
//   "negative" as a verdict ("EGFR/ALK negative") decide it themselves.
// - "indeterminate": radiology uses it for lesions too small to call, which is not
//   a hedge on any fact we extract.

export type CueType = 'negation' | 'possibility' | 'pseudo';
export type CueDirection = 'pre' | 'post' | 'both';

export interface CueDefinition {
  /** Regular-expression source, matched case-insensitively on word boundaries. */
  pattern: string;
  type: CueType;
  direction: CueDirection;
}

const neg = (direction: CueDirection, ...patterns: string[]) => patterns.map((pattern): CueDefinition => ({ pattern, type: 'negation', direction }));
const pos = (direction: CueDirection, ...patterns: string[]) => patterns.map((pattern): CueDefinition => ({ pattern, type: 'possibility', direction }));
const pseudo = (...patterns: string[]) => patterns.map((pattern): CueDefinition => ({ pattern, type: 'pseudo', direction: 'both' }));

export const CUES: readonly CueDefinition[] = [
  ...pseudo('no (?:significant |interval |further )?change', 'no (?:significant )?(?:increase|decrease)', 'not only', 'not necessarily', 'without (?:any )?change', 'gram[- ]negative'),
  ...neg(
    'pre',
    'no (?:radiological |histological |definite |convincing |further )?(?:evidence|signs?|suspicion|indication) (?:of|for)',
    'no residual',
    'no',
    'without(?: evidence of)?',
    'negative for',
    'free of',
    'absence of',
    'lack of',
    'not (?:suspicious|consistent|compatible|typical) (?:for|of|with)',
    'rules out',
    'excludes?',
    'neither',
    'nor',
  ),
  ...neg(
    'post',
    '(?:was |were |is |are )?not (?:detected|detectable|identified|seen|found|present|observed|demonstrated|visuali[sz]ed|evident)',
    'no longer (?:visible|seen|detectable|present|identified)',
    '(?:is |are |was |were )?absent',
    '(?:has been |have been |was |were |is |are )?(?:ruled out|excluded)',
  ),
  ...pos(
    'pre',
    'suspicious (?:for|of)',
    'suspicion (?:of|for)',
    'suggestive of',
    'suggesting',
    'suggests',
    '(?:concerning|worrisome) for',
    'equivocal for',
    'may (?:represent|be|reflect)',
    'could (?:represent|be|reflect)',
    'might (?:represent|be)',
    'can ?not (?:exclude|rule out)',
    "can't (?:exclude|rule out)",
    'rule out',
    'r/o',
    'presumed',
    'presumably',
    'possibly',
    'probably',
    'most likely',
    '\\?(?=[A-Za-z])',
  ),
  ...pos(
    'post',
    'can ?not be (?:excluded|ruled out)',
    "can't be (?:excluded|ruled out)",
    '(?:is |are )?not (?:excluded|ruled out)',
    '(?:is |are )?not certain',
    'suspicious(?! (?:for|of)\\b)',
    'equivocal',
    '\\?(?![A-Za-z])',
  ),
  ...pos('both', 'possible', 'probable', '(?:is |are )?likely', 'unlikely', 'questionable', '(?:is |are )?suspected'),
];

/**
 * Where a cue stops reaching: a semicolon and the conjunctions that start a new
 * statement (not a colon: "PIK3CA mutation: not detected" is one statement), and affirmations ("KRAS G12C detected, EGFR not detected": the first
 * "detected" keeps the post-cue of the second clause away from KRAS).
 */
export const TERMINATORS = /;|\b(?:but|however|although|though|except|apart from|aside from|whereas|while|which|yet|nevertheless|instead|other than|detected|identified|present|confirmed|seen|noted|found|demonstrated|shows?|showed|reveals?|revealed|positive)\b/i;

/** How many words a cue reaches across (NegEx uses five; lists of genes or sites need a few more). */
export const PRE_WINDOW_WORDS = 8;
export const POST_WINDOW_WORDS = 6;
