/**
 * The bank number checks that need no package: the Dominican documents, account numbers, the ABA
 * routing number, ZIP codes, free text and choices (see `./index.ts`).
 */
import { DOCUMENT_TYPES, DOMINICAN_BANKS, type DocumentType } from '../../api/contract';
import type { FieldProblem } from '../types';

export const onlyDigits = (value: string) => /^\d*$/.test(value);
const digitsOf = (value: string) => [...value].map(Number);
export const valid = (check: (value: string) => FieldProblem | undefined) => (value: string) => check(value) === undefined;

// ── Dominican Republic: cédula, RNC, passport ───────────────────────────────────────────────────

export const CEDULA_LENGTH = 11;
export const RNC_LENGTH = 9;

/** Luhn: every second digit from the right doubled (less 9 above 9); the total ends in 0. */
const luhnValid = (value: string) =>
  digitsOf(value)
    .reverse()
    .reduce((sum, digit, index) => sum + (index % 2 === 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit), 0) %
    10 ===
  0;

/**
 * The Dominican identity card number: 11 digits, the last a Luhn check digit. A few cédulas issued
 * long ago fail their check digit (python-stdnum keeps a list of them); they are refused here too.
 */
export const checkCedula = (value: string): FieldProblem | undefined => {
  if (!onlyDigits(value)) return { key: 'validation.cedula.characters' };
  if (value.length !== CEDULA_LENGTH) return { key: 'validation.cedula.length', params: { count: value.length } };
  if (!luhnValid(value)) return { key: 'validation.cedula.checksum' };
  return undefined;
};
export const isValidCedula = valid(checkCedula);

const RNC_WEIGHTS = [7, 9, 8, 6, 5, 4, 3, 2] as const;

/**
 * The RNC's check digit from its first eight: Σ digit·weight (7,9,8,6,5,4,3,2) mod 11 = s, check
 * digit (10 − s) mod 9 + 1 (DGII's rule, as python-stdnum and stdnum implement it). Two pairs of
 * sums share a check digit (0 and 9 give 2, 1 and 10 give 1), so a few single-digit changes pass.
 */
export const rncCheckDigit = (body: string): number => {
  const sum = RNC_WEIGHTS.reduce((total, weight, index) => total + weight * Number(body[index]), 0) % 11;
  return ((10 - sum) % 9) + 1;
};

/** The Dominican taxpayer number (Registro Nacional de Contribuyentes): 9 digits, the last a check digit. */
export const checkRnc = (value: string): FieldProblem | undefined => {
  if (!onlyDigits(value)) return { key: 'validation.rnc.characters' };
  if (value.length !== RNC_LENGTH) return { key: 'validation.rnc.length', params: { count: value.length } };
  if (rncCheckDigit(value) !== Number(value[RNC_LENGTH - 1])) return { key: 'validation.rnc.checksum' };
  return undefined;
};
export const isValidRnc = valid(checkRnc);

/**
 * A passport number by its shape only: 6 to 9 letters and digits. ICAO 9303 allows up to 9
 * characters; Dominican passports have two letters and seven digits, foreign ones vary, and the
 * check digit is printed only in the machine-readable zone, which nobody types.
 */
export const checkPassport = (value: string): FieldProblem | undefined =>
  /^[A-Z0-9]{6,9}$/.test(value) ? undefined : { key: 'validation.passport.format' };
export const isValidPassport = valid(checkPassport);

const DOCUMENT_CHECKS: Record<DocumentType, (value: string) => FieldProblem | undefined> = {
  CEDULA: checkCedula,
  PASSPORT: checkPassport,
  RNC: checkRnc,
};

export const isDocumentType = (value: string | undefined): value is DocumentType =>
  (DOCUMENT_TYPES as readonly (string | undefined)[]).includes(value);

/** A document number checked by its type; without a type there is nothing to check it against. */
export const checkDocument = (type: string | undefined, value: string): FieldProblem | undefined =>
  isDocumentType(type) ? DOCUMENT_CHECKS[type](value) : { key: 'validation.documentIdentifier.type' };
export const isValidDocument = (type: string | undefined, value: string): boolean => checkDocument(type, value) === undefined;

/** One of the contract's Dominican banks, however it is capitalized. */
export const dominicanBank = (name: string): string | undefined => {
  const wanted = name.trim().toLocaleLowerCase('es');
  return DOMINICAN_BANKS.find((bank) => bank.toLocaleLowerCase('es') === wanted);
};
export const checkDominicanBank = (name: string): FieldProblem | undefined =>
  dominicanBank(name) ? undefined : { key: 'validation.bankName.unknown' };
export const isDominicanBank = valid(checkDominicanBank);

// ── Account numbers ─────────────────────────────────────────────────────────────────────────────

export interface LengthRange {
  min: number;
  max: number;
}

/** US account numbers: 4 to 17 digits (the ACH field holds 17). */
export const US_ACCOUNT_NUMBER: LengthRange = { min: 4, max: 17 };
/**
 * Dominican account numbers: assumed 6 to 20 digits. Banks use their own lengths (9, 10, 11
 * digits are common) and the docs give none; this only catches what is clearly not a number.
 */
export const DO_ACCOUNT_NUMBER: LengthRange = { min: 6, max: 20 };

export const checkAccountNumber = (value: string, { min, max }: LengthRange): FieldProblem | undefined => {
  if (!onlyDigits(value)) return { key: 'validation.accountNumber.characters' };
  if (value.length < min || value.length > max) {
    return { key: 'validation.accountNumber.length', params: { min, max, count: value.length } };
  }
  return undefined;
};
export const isValidAccountNumber = (value: string, range: LengthRange): boolean =>
  checkAccountNumber(value, range) === undefined;

// ── United States: ABA routing number, ZIP code, states ─────────────────────────────────────────

export const ABA_LENGTH = 9;
const ABA_WEIGHTS = [3, 7, 1] as const;

/** An ABA routing number: 9 digits whose Σ digit·(3,7,1 repeated) ends in 0; all zeros is no bank. */
export const checkAba = (value: string): FieldProblem | undefined => {
  if (!onlyDigits(value)) return { key: 'validation.aba.characters' };
  if (value.length !== ABA_LENGTH) return { key: 'validation.aba.length', params: { count: value.length } };
  if (/^0+$/.test(value)) return { key: 'validation.aba.zero' };
  const sum = digitsOf(value).reduce((total, digit, index) => total + digit * ABA_WEIGHTS[index % 3]!, 0);
  if (sum % 10 !== 0) return { key: 'validation.aba.checksum' };
  return undefined;
};
export const isValidAba = valid(checkAba);

/** A ZIP code, kept as digits: 5, or 9 for ZIP+4. */
export const checkZip = (value: string): FieldProblem | undefined => {
  if (!onlyDigits(value)) return { key: 'validation.zip.characters' };
  if (value.length !== 5 && value.length !== 9) return { key: 'validation.zip.length', params: { count: value.length } };
  return undefined;
};
/** Also takes the API's ZIP+4 with its hyphen (`10118-0110`). */
export const isValidZip = (value: string): boolean => checkZip(value.replace(/^(\d{5})-(\d{4})$/, '$1$2')) === undefined;

/** The states, DC and the inhabited territories, by USPS code. */
export const US_STATES = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
  CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii',
  ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana',
  ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi',
  MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey',
  NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma',
  OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota',
  TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington',
  WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
  AS: 'American Samoa', GU: 'Guam', MP: 'Northern Mariana Islands', PR: 'Puerto Rico', VI: 'U.S. Virgin Islands',
} as const satisfies Record<string, string>;
export type UsState = keyof typeof US_STATES;

export const isUsState = (code: string): code is UsState => Object.hasOwn(US_STATES, code);

// ── Free text ───────────────────────────────────────────────────────────────────────────────────

/** A name or address line: something besides spaces, and at most `max` characters (the API's limits). */
export const checkText = (value: string, max: number): FieldProblem | undefined => {
  const text = value.trim();
  if (text === '') return { key: 'validation.required' };
  if (text.length > max) return { key: 'validation.text.tooLong', params: { max } };
  return undefined;
};
export const isValidText = (value: string, max: number): boolean => checkText(value, max) === undefined;

/** The API's text limits (`bankDetailsSchema`). */
export { TEXT_LIMITS } from '../../api/contract';

/** One of a select's values. */
export const checkChoice = (value: string, choices: readonly string[]): FieldProblem | undefined =>
  choices.includes(value) ? undefined : { key: 'validation.choice' };
