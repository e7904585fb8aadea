// @vitest-environment node
/** The sandbox's check of inline bank details: the contract's table, row by row, and each refusal. */
import { describe, expect, it } from 'vitest';
import { BANK_COUNTRIES } from '../../src/api/contract';
import { bankDetailsSchema, type BankDetails } from '../../src/api/schemas';
import { acceptsBankDetails, BANK_RULES, bankRuleFor } from '../../src/countries/bankRules';

const MX: BankDetails = { country: 'MX', accountIdentifier: '014680260346007120' };
const DO: BankDetails = {
  country: 'DO', accountIdentifier: '9602123456', bankName: 'Banco Popular Dominicano',
  accountType: 'SAVINGS', documentType: 'CEDULA', documentIdentifier: '40212345678',
};
const US: BankDetails = {
  country: 'US', accountIdentifier: '483920175', bankName: 'JPMorgan Chase', routingNumber: '021000021',
  accountHolder: { type: 'INDIVIDUAL', firstName: 'Ana', lastName: 'García' },
  address: { streetLine1: '350 Fifth Ave', streetLine2: 'Apt 4', city: 'New York', state: 'NY', postalCode: '10118', country: 'US' },
};
const DE: BankDetails = {
  country: 'DE', iban: 'DE89370400440532013000', accountIdentifier: 'DE89370400440532013000',
  bic: 'COBADEFFXXX', bankName: 'Commerzbank',
  accountHolder: { type: 'INDIVIDUAL', firstName: 'Lena', lastName: 'Vogel' },
};

const without = <Key extends keyof BankDetails>(details: BankDetails, key: Key): BankDetails => {
  const { [key]: _, ...rest } = details;
  return rest as BankDetails;
};

describe('accepted', () => {
  it.each([
    ['the contract’s MX example', MX],
    ['an MX CLABE with a document number (optional)', { ...MX, documentIdentifier: 'GODE561231HDFRRN09' }],
    ['the contract’s DO example', DO],
    ['a DO bank named in other case', { ...DO, bankName: 'BANCO POPULAR DOMINICANO' }],
    ['a DO account with an RNC', { ...DO, documentType: 'RNC', documentIdentifier: '101850043' }],
    ['a DO account with a passport', { ...DO, documentType: 'PASSPORT', documentIdentifier: 'SC1234567' }],
    ['the contract’s US example', US],
    ['a US account with an account type (optional)', { ...US, accountType: 'CHECKING' }],
    ['a US business', { ...US, accountHolder: { type: 'BUSINESS', businessName: 'Acme Corp' } }],
    ['a US address without second line or state (the contract leaves both optional)', { ...US, address: { streetLine1: '350 Fifth Ave', city: 'New York', postalCode: '10118-0110', country: 'US' } }],
    ['the contract’s DE example', DE],
    ['a SEPA account without accountIdentifier', without(DE, 'accountIdentifier')],
    ['a Dutch IBAN with its BIC', { ...DE, country: 'NL', iban: 'NL91ABNA0417164300', accountIdentifier: undefined, bic: 'ABNANL2A' }],
    ['a British IBAN (GB is on the contract’s list)', { ...DE, country: 'GB', iban: 'GB82WEST12345698765432', accountIdentifier: undefined, bic: 'NWBKGB2L' }],
  ] as [string, BankDetails][])('%s', (_, details) => {
    expect(bankDetailsSchema.safeParse(details).success).toBe(true);
    expect(acceptsBankDetails(details)).toBe(true);
  });
});

describe('refused', () => {
  it.each([
    ['MX: a bankName', { ...MX, bankName: 'Santander' }],
    ['MX: no CLABE', without(MX, 'accountIdentifier')],
    ['MX: a CLABE with a wrong check digit', { ...MX, accountIdentifier: '014680260346007121' }],
    ['MX: a CLABE of 17 digits', { ...MX, accountIdentifier: '01468026034600712' }],

    ...(['accountIdentifier', 'bankName', 'accountType', 'documentIdentifier', 'documentType'] as const).map(
      (key) => [`DO: no ${key}`, without(DO, key)] as [string, BankDetails],
    ),
    ['DO: a bank off the list', { ...DO, bankName: 'Banco Inexistente' }],
    ['DO: an account number with letters', { ...DO, accountIdentifier: '9602A23456' }],
    ['DO: a cédula with a wrong check digit', { ...DO, documentIdentifier: '40212345679' }],
    ['DO: a cédula given as an RNC', { ...DO, documentType: 'RNC' }],
    ['DO: an RNC with a wrong check digit', { ...DO, documentType: 'RNC', documentIdentifier: '101850044' }],
    ['DO: a passport number of 4 characters', { ...DO, documentType: 'PASSPORT', documentIdentifier: 'SC12' }],

    ...(['accountIdentifier', 'bankName', 'routingNumber', 'accountHolder', 'address'] as const).map(
      (key) => [`US: no ${key}`, without(US, key)] as [string, BankDetails],
    ),
    ['US: a routing number with a wrong checksum', { ...US, routingNumber: '021000022' }],
    ['US: a routing number of zeros', { ...US, routingNumber: '000000000' }],
    ['US: an account number of 3 digits', { ...US, accountIdentifier: '483' }],
    ['US: an account number of 18 digits', { ...US, accountIdentifier: '123456789012345678' }],
    ['US: a person without a last name', { ...US, accountHolder: { type: 'INDIVIDUAL', firstName: 'Ana' } }],
    ['US: a person with a business name', { ...US, accountHolder: { type: 'INDIVIDUAL', firstName: 'Ana', lastName: 'García', businessName: 'Acme' } }],
    ['US: a business without its name', { ...US, accountHolder: { type: 'BUSINESS', firstName: 'Ana', lastName: 'García' } }],
    ['US: a business with personal names', { ...US, accountHolder: { type: 'BUSINESS', businessName: 'Acme', firstName: 'Ana' } }],
    ['US: an address outside the US', { ...US, address: { ...US.address!, country: 'MX' } }],
    ['US: a ZIP code of 4 digits', { ...US, address: { ...US.address!, postalCode: '1011' } }],
    ['US: a state that is not a USPS code', { ...US, address: { ...US.address!, state: 'New York' } }],

    ...(['iban', 'bic', 'bankName', 'accountHolder'] as const).map(
      (key) => [`SEPA: no ${key}`, without(DE, key)] as [string, BankDetails],
    ),
    ['SEPA: "SEPA" as the country', { ...DE, country: 'SEPA' }],
    ['SEPA: a country other than the IBAN’s', { ...DE, country: 'AT' }],
    ['SEPA: an IBAN with a wrong check digit', { ...DE, iban: 'DE89370400440532013001', accountIdentifier: 'DE89370400440532013001' }],
    ['SEPA: an IBAN with spaces', { ...DE, iban: 'DE89 3704 0044 0532 0130 00', accountIdentifier: undefined }],
    ['SEPA: a BIC of another country', { ...DE, bic: 'ABNANL2A' }],
    ['SEPA: a BIC of 9 characters', { ...DE, bic: 'COBADEFFX' }],
    ['SEPA: an accountIdentifier other than the IBAN', { ...DE, accountIdentifier: '0532013000' }],
    ['SEPA: a person without names', { ...DE, accountHolder: { type: 'INDIVIDUAL' } }],
    ['SEPA: a Brazilian IBAN under its own country', { ...DE, country: 'BR', iban: 'BR1800360305000010009795493C1', accountIdentifier: undefined, bic: 'ITAUBRSP' }],
    ['CN: a country the contract accepts with no documented rule', { country: 'CN', accountIdentifier: '6222020200112233445' }],
    ['an unknown country', { ...MX, country: 'AR' }],
  ] as [string, BankDetails][])('%s', (_, details) => {
    expect(acceptsBankDetails(details)).toBe(false);
  });
});

describe('the table', () => {
  it('has a row per rail, and the SEPA row covers exactly the contract’s European codes', () => {
    expect(Object.keys(BANK_RULES)).toEqual(['MX', 'DO', 'US', 'SEPA']);
    for (const country of BANK_COUNTRIES.sepa) expect(bankRuleFor(country)).toBe(BANK_RULES.SEPA);
    expect(bankRuleFor('SEPA')).toBeUndefined();
    expect(bankRuleFor('CN')).toBeUndefined();
  });

  it('matches the contract’s columns', () => {
    const columns = Object.fromEntries(
      Object.entries(BANK_RULES).map(([rail, rule]) => [
        rail,
        {
          required: Object.keys(rule.required),
          optional: Object.keys('optional' in rule ? rule.optional : {}),
          refused: 'refused' in rule ? [...rule.refused] : [],
        },
      ]),
    );
    expect(columns).toEqual({
      MX: { required: ['accountIdentifier'], optional: ['documentIdentifier'], refused: ['bankName'] },
      DO: { required: ['accountIdentifier', 'bankName', 'accountType', 'documentType', 'documentIdentifier'], optional: [], refused: [] },
      US: { required: ['accountIdentifier', 'bankName', 'routingNumber', 'accountHolder', 'address'], optional: ['accountType'], refused: [] },
      SEPA: { required: ['iban', 'bic', 'bankName', 'accountHolder'], optional: ['accountIdentifier'], refused: [] },
    });
  });
});
