// @vitest-environment node
/** Real-world numbers, and what each validator says about each kind of mistake. */
import { describe, expect, it } from 'vitest';
import { DOMINICAN_BANKS } from '../../src/api/contract';
import {
  checkAba,
  checkAccountNumber,
  checkBic,
  checkCedula,
  checkChoice,
  checkClabe,
  checkDocument,
  checkDominicanBank,
  checkIban,
  checkPassport,
  checkRnc,
  checkSepaIban,
  checkText,
  checkZip,
  clabeBank,
  dominicanBank,
  isUsState,
  isValidZip,
  US_ACCOUNT_NUMBER,
} from '../../src/countries/validators';

describe('known-good numbers', () => {
  it.each([
    ['CLABE (the contract’s, Santander)', checkClabe, '014680260346007120'],
    ['CLABE (Wikipedia’s example)', checkClabe, '032180000118359719'],
    ['cédula (python-stdnum’s example)', checkCedula, '00113918205'],
    ['cédula (the contract’s)', checkCedula, '40212345678'],
    ['RNC (python-stdnum’s example)', checkRnc, '101850043'],
    ['RNC (python-stdnum’s example)', checkRnc, '131246796'],
    ['routing number (JPMorgan Chase, New York)', checkAba, '021000021'],
    ['routing number (Federal Reserve Bank of Boston)', checkAba, '011000015'],
    ['routing number (Bank of America, California)', checkAba, '121000358'],
    ['routing number (Bank of America, New York)', checkAba, '026009593'],
    ['IBAN (Germany)', checkSepaIban, 'DE89370400440532013000'],
    ['IBAN (United Kingdom)', checkSepaIban, 'GB82WEST12345698765432'],
    ['IBAN (France, with its RIB key)', checkSepaIban, 'FR1420041010050500013M02606'],
    ['IBAN (Spain, with its control digits)', checkSepaIban, 'ES9121000418450200051332'],
    ['IBAN (Netherlands)', checkSepaIban, 'NL91ABNA0417164300'],
    ['IBAN (Belgium)', checkSepaIban, 'BE68539007547034'],
    ['passport (Dominican: two letters, seven digits)', checkPassport, 'SC1234567'],
  ] as const)('accepts the %s %s', (_, check, value) => {
    expect(check(value)).toBeUndefined();
  });

  it.each([
    ['COBADEFFXXX', 'DE89370400440532013000'],
    ['COBADEFF', 'DE89370400440532013000'],
    ['NWBKGB2L', 'GB82WEST12345698765432'],
    ['CAIXESBBXXX', 'ES9121000418450200051332'],
    ['ABNANL2A', 'NL91ABNA0417164300'],
  ])('accepts the BIC %s with the IBAN %s', (bic, iban) => {
    expect(checkBic(bic, iban)).toBeUndefined();
  });

  it('names the bank of a CLABE from its first three digits, once typed', () => {
    expect(clabeBank('014680260346007120')).toBe('Banco Santander');
    expect(clabeBank('002')).toBe('Banco Nacional de México');
    expect(clabeBank('01')).toBeUndefined();
  });
});

describe('what each mistake is called', () => {
  it.each([
    ['CLABE with a letter', checkClabe('01468026034600712O'), { key: 'validation.clabe.characters' }],
    ['short CLABE', checkClabe('01468026034600712'), { key: 'validation.clabe.length', params: { count: 17 } }],
    ['CLABE with a wrong check digit', checkClabe('014680260346007121'), { key: 'validation.clabe.checksum' }],
    ['cédula with a dash left in', checkCedula('402-1234567'), { key: 'validation.cedula.characters' }],
    ['short cédula', checkCedula('4021234567'), { key: 'validation.cedula.length', params: { count: 10 } }],
    ['cédula with a wrong check digit', checkCedula('40212345679'), { key: 'validation.cedula.checksum' }],
    ['RNC with a letter', checkRnc('10185004A'), { key: 'validation.rnc.characters' }],
    ['cédula given as an RNC', checkRnc('40212345678'), { key: 'validation.rnc.length', params: { count: 11 } }],
    ['RNC with a wrong check digit', checkRnc('101850044'), { key: 'validation.rnc.checksum' }],
    ['passport with 5 characters', checkPassport('AB123'), { key: 'validation.passport.format' }],
    ['routing number with a space', checkAba('0210 0002'), { key: 'validation.aba.characters' }],
    ['routing number with 8 digits', checkAba('02100002'), { key: 'validation.aba.length', params: { count: 8 } }],
    ['routing number of zeros', checkAba('000000000'), { key: 'validation.aba.zero' }],
    ['routing number with a wrong digit', checkAba('021000022'), { key: 'validation.aba.checksum' }],
    ['account number with a letter', checkAccountNumber('48392O175', US_ACCOUNT_NUMBER), { key: 'validation.accountNumber.characters' }],
    ['US account number of 3 digits', checkAccountNumber('483', US_ACCOUNT_NUMBER), { key: 'validation.accountNumber.length', params: { min: 4, max: 17, count: 3 } }],
    ['US account number of 18 digits', checkAccountNumber('123456789012345678', US_ACCOUNT_NUMBER), { key: 'validation.accountNumber.length', params: { min: 4, max: 17, count: 18 } }],
    ['ZIP with a letter', checkZip('1011A'), { key: 'validation.zip.characters' }],
    ['ZIP of 6 digits', checkZip('101180'), { key: 'validation.zip.length', params: { count: 6 } }],
    ['IBAN with a space left in', checkIban('DE89 370400440532013000'), { key: 'validation.iban.characters' }],
    ['IBAN without its country', checkIban('89370400440532013000'), { key: 'validation.iban.country' }],
    ['IBAN of a country without IBANs', checkIban('US89370400440532013000'), { key: 'validation.iban.unknownCountry', params: { country: 'US' } }],
    ['IBAN from outside the SEPA area', checkSepaIban('BR1800360305000010009795493C1'), { key: 'validation.iban.notAccepted', params: { country: 'BR' } }],
    ['IBAN one digit short', checkIban('DE8937040044053201300'), { key: 'validation.iban.length', params: { country: 'DE', length: 22, count: 21 } }],
    ['IBAN with a letter where Germany has digits', checkIban('DE8937040044053201300X'), { key: 'validation.iban.format', params: { country: 'DE' } }],
    ['IBAN with a wrong digit', checkIban('DE89370400440532013001'), { key: 'validation.iban.checksum' }],
    ['IBAN with letters for check digits', checkIban('DEXX370400440532013000'), { key: 'validation.iban.checksum' }],
    // The Spanish account's control digits, recomputed for the IBAN after the change: only the bank's check fails.
    ['Spanish IBAN whose national control digits are wrong', checkIban('ES2921000418460200051332'), { key: 'validation.iban.bankChecksum' }],
    ['BIC with a space', checkBic('COBA DEFF'), { key: 'validation.bic.characters' }],
    ['BIC of 9 characters', checkBic('COBADEFFX'), { key: 'validation.bic.length', params: { count: 9 } }],
    ['BIC with a digit in its bank code', checkBic('C0BADEFFXXX'), { key: 'validation.bic.format' }],
    ['BIC with no country', checkBic('COBAQQFFXXX'), { key: 'validation.bic.country', params: { country: 'QQ' } }],
    ['German BIC for a Dutch IBAN', checkBic('COBADEFFXXX', 'NL91ABNA0417164300'), { key: 'validation.bic.mismatch', params: { bicCountry: 'DE', ibanCountry: 'NL' } }],
    ['blank name', checkText('   ', 100), { key: 'validation.required' }],
    ['name over the limit', checkText('x'.repeat(101), 100), { key: 'validation.text.tooLong', params: { max: 100 } }],
    ['value not among the choices', checkChoice('CURRENT', ['SAVINGS', 'CHECKING']), { key: 'validation.choice' }],
    ['bank off the Dominican list', checkDominicanBank('Banco Inexistente'), { key: 'validation.bankName.unknown' }],
  ])('%s', (_, problem, expected) => {
    expect(problem).toEqual(expected);
  });
});

describe('Dominican documents and banks', () => {
  it('reads a document number by its type', () => {
    expect(checkDocument('CEDULA', '40212345678')).toBeUndefined();
    expect(checkDocument('RNC', '101850043')).toBeUndefined();
    expect(checkDocument('PASSPORT', 'SC1234567')).toBeUndefined();
    expect(checkDocument('RNC', '40212345678')?.key).toBe('validation.rnc.length');
    expect(checkDocument('CEDULA', '101850043')?.key).toBe('validation.cedula.length');
    expect(checkDocument('PASSPORT', '40212345678')?.key).toBe('validation.passport.format');
  });

  it('asks for the type before reading a number', () => {
    expect(checkDocument(undefined, '40212345678')).toEqual({ key: 'validation.documentIdentifier.type' });
    expect(checkDocument('DNI', '40212345678')).toEqual({ key: 'validation.documentIdentifier.type' });
  });

  it('knows the contract’s eighteen banks by their exact names, whatever their case', () => {
    expect(DOMINICAN_BANKS).toHaveLength(18);
    for (const bank of DOMINICAN_BANKS) {
      expect(dominicanBank(bank)).toBe(bank);
      expect(dominicanBank(bank.toUpperCase())).toBe(bank);
      expect(dominicanBank(` ${bank.toLowerCase()} `)).toBe(bank);
    }
    expect(dominicanBank('BANCO LÓPEZ DE HARO')).toBe('Banco López de Haro');
    expect(dominicanBank('Banco Popular')).toBeUndefined();
  });
});

describe('US addresses', () => {
  it('takes a ZIP code of 5 digits, or ZIP+4 with or without its hyphen', () => {
    expect(isValidZip('10118')).toBe(true);
    expect(isValidZip('101180110')).toBe(true);
    expect(isValidZip('10118-0110')).toBe(true);
    expect(isValidZip('10118-011')).toBe(false);
    expect(isValidZip('1011')).toBe(false);
  });

  it('knows the states, DC and the territories by their USPS codes', () => {
    for (const code of ['NY', 'CA', 'DC', 'PR', 'GU', 'VI', 'AS', 'MP']) expect(isUsState(code)).toBe(true);
    for (const code of ['ny', 'XX', 'New York', '']) expect(isUsState(code)).toBe(false);
  });
});
