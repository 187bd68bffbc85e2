// WHO ATC codes of the antineoplastic (L01) and endocrine (L02) agents tumour boards name most,
// for the systemic-therapy code picker. ATC codes name substances, not regimens: a regimen is
// its drugs' codes plus the details text ("4× EC q3w → 12× paclitaxel weekly").
// Codes as in the WHO ATC index (2024 structure: monoclonal antibodies under L01F, protein
// kinase inhibitors under L01E).
import { CODE_SYSTEMS } from '@/lib/schemas/decision';
import type { ValueSetEntry } from './value-set-entry';

const SYSTEMIC = ['SYSTEMIC_THERAPY', 'RADIOCHEMOTHERAPY'] as const;
const ENDOCRINE = ['SYSTEMIC_THERAPY'] as const;

const agent = (code: string, display: string, modalities: ValueSetEntry['modalities'] = SYSTEMIC): ValueSetEntry => ({ system: CODE_SYSTEMS.atc, code, display, modalities });

export const atcAgents: readonly ValueSetEntry[] = [
  // Alkylating agents and platinum compounds
  agent('L01AA01', 'cyclophosphamide'),
  agent('L01XA01', 'cisplatin'),
  agent('L01XA02', 'carboplatin'),
  agent('L01XA03', 'oxaliplatin'),
  // Antimetabolites
  agent('L01BA04', 'pemetrexed'),
  agent('L01BC02', 'fluorouracil'),
  agent('L01BC05', 'gemcitabine'),
  agent('L01BC06', 'capecitabine'),
  // Plant alkaloids and topoisomerase inhibitors
  agent('L01CA04', 'vinorelbine'),
  agent('L01CD01', 'paclitaxel'),
  agent('L01CD02', 'docetaxel'),
  agent('L01CE02', 'irinotecan'),
  // Anthracyclines
  agent('L01DB01', 'doxorubicin'),
  agent('L01DB03', 'epirubicin'),
  // Protein kinase inhibitors
  agent('L01EB04', 'osimertinib'),
  agent('L01EF01', 'palbociclib'),
  agent('L01EF02', 'ribociclib'),
  agent('L01EF03', 'abemaciclib'),
  // Monoclonal antibodies
  agent('L01FD01', 'trastuzumab'),
  agent('L01FD02', 'pertuzumab'),
  agent('L01FE01', 'cetuximab'),
  agent('L01FF01', 'nivolumab'),
  agent('L01FF02', 'pembrolizumab'),
  agent('L01FF03', 'durvalumab'),
  agent('L01FF05', 'atezolizumab'),
  agent('L01FG01', 'bevacizumab'),
  // Endocrine therapy
  agent('L02AE02', 'leuprorelin', ENDOCRINE),
  agent('L02AE03', 'goserelin', ENDOCRINE),
  agent('L02BA01', 'tamoxifen', ENDOCRINE),
  agent('L02BB03', 'bicalutamide', ENDOCRINE),
  agent('L02BB04', 'enzalutamide', ENDOCRINE),
  agent('L02BG03', 'anastrozole', ENDOCRINE),
  agent('L02BG04', 'letrozole', ENDOCRINE),
  agent('L02BG06', 'exemestane', ENDOCRINE),
  agent('L02BX03', 'abiraterone', ENDOCRINE),
];
