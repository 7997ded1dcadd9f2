import { getCountries } from 'libphonenumber-js';
import { CountryCodes } from 'validator/lib/isISO31661Alpha2';
import { fold, kindOf, shown } from './fold';
import { fail, ok, type FieldSpec, type ReadResult } from './types';

/**
 * Countries → ISO 3166-1 alpha-2. The region codes are ISO 3166-1 (validator's
 * list) plus libphonenumber's regions, less AC and TA (exceptionally reserved
 * codes libphonenumber uses for Ascension and Tristan da Cunha); XK (Kosovo,
 * user-assigned but what libphonenumber, the EU and banks use) is kept. Names
 * come from Intl.DisplayNames in English and French, long and short styles.
 */
const NOT_COUNTRIES = new Set(['AC', 'TA']);

let codes: Set<string> | null = null;

export const countryCodes = (): ReadonlySet<string> => {
  if (!codes) {
    codes = new Set([...CountryCodes, ...getCountries()].filter((c) => !NOT_COUNTRIES.has(c)));
  }
  return codes;
};

/**
 * Alpha-3 codes: data Intl does not expose. One "alpha2alpha3" pair per entry, in alpha-2 order;
 * the tests check them against validator's alpha-3 list.
 */
const ALPHA3 =
  'ADAND AEARE AFAFG AGATG AIAIA ALALB AMARM AOAGO AQATA ARARG ASASM ATAUT AUAUS AWABW AXALA AZAZE ' +
  'BABIH BBBRB BDBGD BEBEL BFBFA BGBGR BHBHR BIBDI BJBEN BLBLM BMBMU BNBRN BOBOL BQBES BRBRA BSBHS BTBTN BVBVT BWBWA BYBLR BZBLZ ' +
  'CACAN CCCCK CDCOD CFCAF CGCOG CHCHE CICIV CKCOK CLCHL CMCMR CNCHN COCOL CRCRI CUCUB CVCPV CWCUW CXCXR CYCYP CZCZE ' +
  'DEDEU DJDJI DKDNK DMDMA DODOM DZDZA ECECU EEEST EGEGY EHESH ERERI ESESP ETETH ' +
  'FIFIN FJFJI FKFLK FMFSM FOFRO FRFRA ' +
  'GAGAB GBGBR GDGRD GEGEO GFGUF GGGGY GHGHA GIGIB GLGRL GMGMB GNGIN GPGLP GQGNQ GRGRC GSSGS GTGTM GUGUM GWGNB GYGUY ' +
  'HKHKG HMHMD HNHND HRHRV HTHTI HUHUN IDIDN IEIRL ILISR IMIMN ININD IOIOT IQIRQ IRIRN ISISL ITITA ' +
  'JEJEY JMJAM JOJOR JPJPN KEKEN KGKGZ KHKHM KIKIR KMCOM KNKNA KPPRK KRKOR KWKWT KYCYM KZKAZ ' +
  'LALAO LBLBN LCLCA LILIE LKLKA LRLBR LSLSO LTLTU LULUX LVLVA LYLBY ' +
  'MAMAR MCMCO MDMDA MEMNE MFMAF MGMDG MHMHL MKMKD MLMLI MMMMR MNMNG MOMAC MPMNP MQMTQ MRMRT MSMSR MTMLT MUMUS MVMDV MWMWI MXMEX MYMYS MZMOZ ' +
  'NANAM NCNCL NENER NFNFK NGNGA NINIC NLNLD NONOR NPNPL NRNRU NUNIU NZNZL OMOMN ' +
  'PAPAN PEPER PFPYF PGPNG PHPHL PKPAK PLPOL PMSPM PNPCN PRPRI PSPSE PTPRT PWPLW PYPRY QAQAT ' +
  'REREU ROROU RSSRB RURUS RWRWA ' +
  'SASAU SBSLB SCSYC SDSDN SESWE SGSGP SHSHN SISVN SJSJM SKSVK SLSLE SMSMR SNSEN SOSOM SRSUR SSSSD STSTP SVSLV SXSXM SYSYR SZSWZ ' +
  'TCTCA TDTCD TFATF TGTGO THTHA TJTJK TKTKL TLTLS TMTKM TNTUN TOTON TRTUR TTTTO TVTUV TWTWN TZTZA ' +
  'UAUKR UGUGA UMUMI USUSA UYURY UZUZB VAVAT VCVCT VEVEN VGVGB VIVIR VNVNM VUVUT WFWLF WSWSM ' +
  'XKXKX YEYEM YTMYT ZAZAF ZMZMB ZWZWE';

export const ALPHA3_TO_ALPHA2: ReadonlyMap<string, string> = new Map(ALPHA3.split(' ').map((p) => [p.slice(2), p.slice(0, 2)]));

/**
 * Names Intl does not give, or gives in another form: English and French
 * habits, former names, the countries' own names for the largest ones.
 */
const ALIASES: Record<string, string[]> = {
  US: [
    'usa',
    'u.s.a.',
    'u.s.',
    'united states of america',
    'america',
    'etats unis',
    'etats-unis d amerique',
    'etats unis d amerique',
    'eua',
    'amerique',
  ],
  GB: [
    'uk',
    'u.k.',
    'great britain',
    'britain',
    'england',
    'scotland',
    'wales',
    'northern ireland',
    'grande bretagne',
    'angleterre',
    'ecosse',
    'pays de galles',
    'irlande du nord',
    'royaume uni de grande bretagne et d irlande du nord',
    'united kingdom of great britain and northern ireland',
  ],
  DE: ['deutschland', 'rfa', 'allemagne federale'],
  NL: ['holland', 'hollande', 'nederland', 'the netherlands'],
  ES: ['espana', 'espagne'],
  IT: ['italia'],
  CH: ['schweiz', 'suisse', 'svizzera', 'switzerland', 'confederation helvetique'],
  BE: ['belgie', 'belgien', 'belgique'],
  AT: ['osterreich', 'oesterreich'],
  SE: ['sverige'],
  NO: ['norge'],
  DK: ['danmark'],
  FI: ['suomi'],
  PL: ['polska'],
  PT: ['portugal'],
  GR: ['hellas', 'ellada'],
  CZ: ['czech republic', 'republique tcheque', 'cesko', 'ceska republika'],
  SK: ['slovensko', 'slovak republic'],
  HU: ['magyarorszag'],
  HR: ['hrvatska'],
  IE: ['eire', 'republic of ireland', 'republique d irlande'],
  RU: ['russian federation', 'federation de russie', 'rossiya'],
  KR: ['korea', 'republic of korea', 'coree', 'republique de coree', 'korea south'],
  KP: ['democratic people s republic of korea', 'korea north', 'dprk'],
  CI: ['ivory coast', 'cote divoire'],
  CG: ['congo', 'republic of the congo', 'republique du congo', 'congo brazzaville'],
  CD: ['drc', 'rdc', 'dr congo', 'democratic republic of the congo', 'republique democratique du congo', 'zaire'],
  VA: ['vatican', 'holy see', 'saint siege', 'cite du vatican', 'vatican city state'],
  MM: ['burma', 'birmanie'],
  MK: ['macedonia', 'macedoine', 'fyrom'],
  SZ: ['swaziland'],
  TL: ['east timor', 'timor leste'],
  CV: ['cabo verde'],
  AE: ['uae', 'emirates', 'emirats', 'eau'],
  TR: ['turkey', 'turkiye'],
  VN: ['vietnam', 'viet nam'],
  LA: ['laos'],
  SY: ['syria'],
  IR: ['iran', 'persia', 'perse'],
  PS: ['palestine', 'state of palestine', 'etat de palestine'],
  TW: ['taiwan', 'republic of china'],
  CN: ['prc', 'people s republic of china', 'chine populaire', 'republique populaire de chine'],
  HK: ['hong kong', 'hongkong'],
  MO: ['macau', 'macao'],
  BO: ['bolivie'],
  VE: ['venezuela'],
  MD: ['moldavie', 'moldova'],
  BA: ['bosnia', 'bosnie'],
  LY: ['libya'],
  TZ: ['tanzania'],
  FM: ['micronesia'],
  BN: ['brunei'],
  RE: ['ile de la reunion', 'reunion'],
  CY: ['chypre'],
  JP: ['nippon'],
};

let names: Map<string, string> | null = null;

/** Folded, punctuation as spaces, articles dropped: "L’Allemagne", "the Netherlands" → "allemagne", "netherlands". */
const nameKey = (text: string): string =>
  fold(text)
    .replace(/&/g, ' and ')
    .replace(/[.,'’‘`´()\-_/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:the|le|la|les|l) (?=\S)/, '');

/**
 * Keys of a name: the name itself first, then weaker derived forms. A derived
 * form never takes a key another country's own name holds: "Saint-Martin" is
 * MF's name, not SX's "Saint-Martin (partie néerlandaise)" cut at the bracket.
 */
const variants = (name: string, locale: 'en' | 'fr'): Array<[string, number]> => {
  const and = locale === 'fr' ? 'et' : 'and';
  const strong = [name, name.replace(/&/g, and), name.replace(/&/g, ' ')];
  // "St. Kitts & Nevis" → "saint kitts and nevis".
  if (/\bSt\.? /.test(name)) strong.push(name.replace(/\bSt\.? /g, 'Saint ').replace(/&/g, and));
  const weak: string[] = [];
  // "Myanmar (Burma)" → "myanmar", "burma"; "Hong Kong SAR China" → "hong kong".
  const paren = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(name);
  if (paren) weak.push(paren[1], paren[2]);
  weak.push(name.replace(/\s+SAR China$/, '').replace(/^R\.A\.S\. chinoise de /, ''));
  return [...strong.map((v) => [nameKey(v), 1] as [string, number]), ...weak.map((v) => [nameKey(v), 2] as [string, number])].filter(
    ([k]) => k !== '',
  );
};

const loadNames = (): Map<string, string> => {
  // key → [code, priority]; a key two countries claim at the same priority is dropped (a guess).
  const found = new Map<string, [string, number]>();
  const ambiguous = new Map<string, number>();
  const put = (key: string, code: string, priority: number) => {
    const had = found.get(key);
    if (!had || priority < had[1]) {
      found.set(key, [code, priority]);
      if (ambiguous.has(key) && (ambiguous.get(key) as number) > priority) ambiguous.delete(key);
    } else if (had[0] !== code && priority === had[1]) ambiguous.set(key, priority);
  };
  for (const locale of ['en', 'fr'] as const) {
    for (const style of ['long', 'short'] as const) {
      const dn = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'none' });
      for (const code of countryCodes()) {
        const name = dn.of(code);
        if (name && name !== code) for (const [key, priority] of variants(name, locale)) put(key, code, priority);
      }
    }
  }
  const map = new Map<string, string>();
  for (const [key, [code, priority]] of found) if (ambiguous.get(key) !== priority) map.set(key, code);
  for (const [code, aliases] of Object.entries(ALIASES)) for (const a of aliases) map.set(nameKey(a), code);
  return map;
};

/** ISO 3166-1 alpha-2 (upper case) of a code or a name, or null. */
export const readCountry = (text: string): string | null => {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  if (t.length === 2) {
    const c = t.toUpperCase();
    if (countryCodes().has(c)) return c;
  } else if (t.length === 3) {
    const c = ALPHA3_TO_ALPHA2.get(t.toUpperCase());
    if (c) return c;
  }
  if (t.length < 2 || t.length > 100) return null;
  if (!names) names = loadNames();
  return names.get(nameKey(t)) ?? null;
};

export const readCountryText = (field: FieldSpec, text: string): ReadResult => {
  const c = readCountry(text);
  return c ? ok(c) : fail('invalid_country', { label: field.label, value: shown(text) });
};

export const readCountryJson = (field: FieldSpec, value: unknown): ReadResult =>
  typeof value === 'string'
    ? readCountryText(field, value)
    : fail('invalid_shape', { label: field.label, expected: 'text', got: kindOf(value) });

export const checkCountry = (field: FieldSpec, value: unknown): ReadResult => {
  if (typeof value !== 'string') return fail('invalid_shape', { label: field.label, expected: 'text', got: kindOf(value) });
  return countryCodes().has(value) ? ok(value) : fail('invalid_country', { label: field.label, value: shown(value) });
};
