// @vitest-environment node
/**
 * The rails as the widget uses them: the registry, each rail's fields, and the exact
 * `userBankInformation` its values become (the contract's examples, deep-equal).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankDetailsSchema } from '../../src/api/schemas';
import {
  bankProblems,
  emptyBankValues,
  loadedRail,
  loadRail,
  PAYOUT_CURRENCIES,
  railFor,
  rails,
  visibleFields,
  type BankValues,
  type PayoutRail,
  type RailId,
} from '../../src/countries';
import { acceptsBankDetails } from '../../src/countries/bankRules';
import { do_ } from '../../src/countries/do';
import { mx } from '../../src/countries/mx';
import { sepa } from '../../src/countries/sepa';
import { us } from '../../src/countries/us';
import { bankEn } from '../../src/i18n/bank.en';
import { bankEs } from '../../src/i18n/bank.es';

/** Values as the form keeps them: what the user typed, through each field's `normalize`. */
const typed = (rail: PayoutRail, raw: Record<string, string>): BankValues =>
  Object.fromEntries(
    Object.entries(raw).map(([name, value]) => [name, fieldOf(rail, name).normalize(value)]),
  );

const fieldOf = (rail: PayoutRail, name: string) => {
  const field = rail.fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`${rail.id} has no field ${name}`);
  return field;
};

const US_VALUES = {
  accountIdentifier: '483920175',
  routingNumber: '021000021',
  bankName: 'JPMorgan Chase',
  holderType: 'INDIVIDUAL',
  firstName: 'Ana',
  lastName: 'García',
  streetLine1: '350 Fifth Ave',
  streetLine2: 'Apt 4',
  city: 'New York',
  state: 'NY',
  postalCode: '10118',
};
const DO_VALUES = {
  accountIdentifier: '9602123456',
  bankName: 'Banco Popular Dominicano',
  accountType: 'SAVINGS',
  documentType: 'CEDULA',
  documentIdentifier: '40212345678',
};
const SEPA_VALUES = {
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
  bankName: 'Commerzbank',
  holderType: 'INDIVIDUAL',
  firstName: 'Lena',
  lastName: 'Vogel',
};

describe('the registry', () => {
  it('has a rail per payout currency, in order', () => {
    expect(Object.keys(rails)).toEqual(['MX', 'DO', 'US', 'SEPA']);
    expect(PAYOUT_CURRENCIES).toEqual(['MXN', 'DOP', 'USD', 'EUR']);
    expect(railFor('DOP')?.id).toBe('DO');
    expect(railFor('USD')?.id).toBe('US');
    expect(railFor('EUR')?.id).toBe('SEPA');
    expect(railFor('CNY')).toBeUndefined();
  });

  it('starts every rail’s values empty', () => {
    expect(emptyBankValues()).toEqual({ MX: {}, DO: {}, US: {}, SEPA: {} });
  });

  it.each(Object.keys(rails) as RailId[])('loads the %s rail once, with its entry’s id and currency', async (id) => {
    const promise = loadRail(id);
    expect(loadRail(id)).toBe(promise);
    const rail = await promise;
    expect(rail.id).toBe(id);
    expect(rail.fiatCurrency).toBe(rails[id].fiatCurrency);
    expect(loadedRail(id)).toBe(rail);
    expect(bankEn[rails[id].title]).toBeTruthy();
  });
});

describe.each([mx, do_, us, sepa] as PayoutRail[])('the fields of $id', (rail) => {
  it('have distinct names and destinations, and every label in both languages', () => {
    const names = rail.fields.map((field) => field.name);
    expect(new Set(names).size).toBe(names.length);
    const destinations = rail.fields.map((field) => field.sendAs).filter(Boolean);
    expect(new Set(destinations).size).toBe(destinations.length);
    for (const field of rail.fields) {
      expect(names.every((name) => !name.includes('.'))).toBe(true);
      const keys = [field.label, field.hint, ...(field.options ?? []).map((option) => option.label)].filter(Boolean);
      for (const key of keys) {
        expect(bankEn).toHaveProperty([key!]);
        expect(bankEs).toHaveProperty([key!]);
      }
    }
  });

  it('are selects exactly when they have options, and each option is among what validate accepts', () => {
    for (const field of rail.fields) {
      expect(field.kind === 'select', field.name).toBe(field.options !== undefined);
      for (const option of field.options ?? []) expect(field.validate(option.value, {}), `${field.name}=${option.value}`).toBeUndefined();
    }
  });

  it('keep what was typed the same when normalized twice, and show it in a way that normalizes back', () => {
    fc.assert(
      fc.property(fc.constantFrom(...rail.fields), fc.string({ maxLength: 40 }), (field, raw) => {
        const kept = field.normalize(raw);
        expect(field.normalize(kept)).toBe(kept);
        if (field.display && field.name !== 'documentIdentifier') expect(field.normalize(field.display(kept))).toBe(kept);
      }),
      { numRuns: 300 },
    );
  });
});

describe('MX', () => {
  it('sends the CLABE and the country, never a bank name', () => {
    const values = typed(mx, { accountIdentifier: '014 680 26034600712 0' });
    expect(mx.toBankDetails(values)).toEqual({ country: 'MX', accountIdentifier: '014680260346007120' });
    expect(mx.summarize(values)).toBe('CLABE •••• 7120');
  });

  it('names the bank from the number and shows it as banks print it', () => {
    const field = fieldOf(mx, 'accountIdentifier');
    expect(field.describe?.('014680260346007120')).toEqual({ key: 'bank.clabe.bank', params: { bank: 'Banco Santander' } });
    expect(field.display?.('014680260346007120')).toBe('014 680 26034600712 0');
  });
});

describe('DO', () => {
  it('sends the contract’s example', () => {
    expect(do_.toBankDetails(typed(do_, DO_VALUES))).toEqual({
      country: 'DO', accountIdentifier: '9602123456', bankName: 'Banco Popular Dominicano',
      accountType: 'SAVINGS', documentType: 'CEDULA', documentIdentifier: '40212345678',
    });
  });

  it('keeps a cédula typed with its dashes as digits, and shows it with them', () => {
    const values = typed(do_, { ...DO_VALUES, documentIdentifier: '402-1234567-8' });
    expect(values.documentIdentifier).toBe('40212345678');
    const field = fieldOf(do_, 'documentIdentifier');
    expect(field.display?.('40212345678', values)).toBe('402-1234567-8');
    expect(field.display?.('101850043', { documentType: 'RNC' })).toBe('1-01-85004-3');
    expect(field.display?.('SC1234567', { documentType: 'PASSPORT' })).toBe('SC1234567');
  });

  it('reads the document number by the chosen type', () => {
    expect(bankProblems(do_, typed(do_, DO_VALUES))).toEqual({});
    expect(bankProblems(do_, { ...DO_VALUES, documentType: 'RNC' })).toEqual({
      documentIdentifier: { key: 'validation.rnc.length', params: { count: 11 } },
    });
    expect(bankProblems(do_, { ...DO_VALUES, documentType: 'RNC', documentIdentifier: '101850043' })).toEqual({});
    expect(bankProblems(do_, { ...DO_VALUES, documentType: 'PASSPORT', documentIdentifier: 'SC1234567' })).toEqual({});
    expect(bankProblems(do_, { ...DO_VALUES, documentType: '' }).documentIdentifier).toEqual({ key: 'validation.documentIdentifier.type' });
  });

  it('offers the contract’s banks by their names, and the translated account and document types', () => {
    const options = (name: string) => fieldOf(do_, name).options;
    expect(options('bankName')?.map((option) => option.text)).toContain('Asociación Popular de Ahorros y Préstamos');
    expect(options('accountType')).toEqual([
      { value: 'SAVINGS', label: 'bank.accountType.SAVINGS' },
      { value: 'CHECKING', label: 'bank.accountType.CHECKING' },
    ]);
    expect(options('documentType')?.map((option) => option.value)).toEqual(['CEDULA', 'PASSPORT', 'RNC']);
  });

  it('names the account by its bank for the review', () => {
    expect(do_.summarize(DO_VALUES)).toBe('Banco Popular Dominicano •••• 3456');
  });
});

describe('US', () => {
  it('sends the contract’s example', () => {
    expect(us.toBankDetails(typed(us, US_VALUES))).toEqual({
      country: 'US', accountIdentifier: '483920175', bankName: 'JPMorgan Chase', routingNumber: '021000021',
      accountHolder: { type: 'INDIVIDUAL', firstName: 'Ana', lastName: 'García' },
      address: { streetLine1: '350 Fifth Ave', streetLine2: 'Apt 4', city: 'New York', state: 'NY', postalCode: '10118', country: 'US' },
    });
  });

  it('sends the business name for a business and not the names typed before, nor an empty second line', () => {
    const values = typed(us, { ...US_VALUES, holderType: 'BUSINESS', businessName: ' Acme Corp ', streetLine2: '' });
    const details = us.toBankDetails(values);
    expect(details.accountHolder).toEqual({ type: 'BUSINESS', businessName: 'Acme Corp' });
    expect(details.address).toEqual({ streetLine1: '350 Fifth Ave', city: 'New York', state: 'NY', postalCode: '10118', country: 'US' });
  });

  it('does not send a business name typed before the holder became a person', () => {
    const details = us.toBankDetails(typed(us, { ...US_VALUES, businessName: 'Acme Corp' }));
    expect(details.accountHolder).toEqual({ type: 'INDIVIDUAL', firstName: 'Ana', lastName: 'García' });
  });

  it('sends the account type only when chosen, and ZIP+4 with its hyphen', () => {
    expect(us.toBankDetails(typed(us, US_VALUES))).not.toHaveProperty('accountType');
    const details = us.toBankDetails(typed(us, { ...US_VALUES, accountType: 'CHECKING', postalCode: '10118 0110' }));
    expect(details.accountType).toBe('CHECKING');
    expect(details.address?.postalCode).toBe('10118-0110');
  });

  it('shows the fields a holder type needs, and asks only for those', () => {
    const names = (values: BankValues) => visibleFields(us, values).map((field) => field.name);
    expect(names({ holderType: 'INDIVIDUAL' })).toContain('firstName');
    expect(names({ holderType: 'INDIVIDUAL' })).not.toContain('businessName');
    expect(names({ holderType: 'BUSINESS' })).toContain('businessName');
    expect(names({ holderType: 'BUSINESS' })).not.toContain('lastName');
    expect(Object.keys(bankProblems(us, { holderType: 'BUSINESS' })).sort()).toEqual(
      ['accountIdentifier', 'bankName', 'businessName', 'city', 'postalCode', 'routingNumber', 'state', 'streetLine1'],
    );
    expect(Object.keys(bankProblems(us, {})).sort()).toEqual(
      ['accountIdentifier', 'bankName', 'city', 'firstName', 'holderType', 'lastName', 'postalCode', 'routingNumber', 'state', 'streetLine1'],
    );
  });

  it('offers the states by code, with their names as text', () => {
    const state = fieldOf(us, 'state');
    expect(state.options).toContainEqual({ value: 'NY', text: 'New York' });
    expect(state.options).toContainEqual({ value: 'PR', text: 'Puerto Rico' });
    expect(state.autoComplete).toBe('address-level1');
  });

  it('names the account by its bank for the review', () => {
    expect(us.summarize(US_VALUES)).toBe('JPMorgan Chase •••• 0175');
  });
});

describe('SEPA', () => {
  const DE_EXAMPLE = {
    country: 'DE', iban: 'DE89370400440532013000', accountIdentifier: 'DE89370400440532013000',
    bic: 'COBADEFFXXX', bankName: 'Commerzbank',
    accountHolder: { type: 'INDIVIDUAL', firstName: 'Lena', lastName: 'Vogel' },
  };

  it('sends the contract’s DE example, from an IBAN pasted grouped and in lower case', () => {
    const values = typed(sepa, { ...SEPA_VALUES, iban: 'de89 3704 0044 0532 0130 00', bic: 'cobadeff xxx' });
    expect(values.iban).toBe('DE89370400440532013000');
    expect(bankProblems(sepa, values)).toEqual({});
    expect(sepa.toBankDetails(values)).toEqual(DE_EXAMPLE);
  });

  it('sends the IBAN’s own country, never SEPA', () => {
    const values = { ...SEPA_VALUES, iban: 'NL91ABNA0417164300', bic: 'ABNANL2A', bankName: 'ABN AMRO' };
    expect(bankProblems(sepa, values)).toEqual({});
    expect(sepa.toBankDetails(values)).toMatchObject({ country: 'NL', iban: 'NL91ABNA0417164300', accountIdentifier: 'NL91ABNA0417164300' });
  });

  it('refuses a BIC from another country than the IBAN', () => {
    expect(bankProblems(sepa, { ...SEPA_VALUES, bic: 'ABNANL2A' })).toEqual({
      bic: { key: 'validation.bic.mismatch', params: { bicCountry: 'NL', ibanCountry: 'DE' } },
    });
  });

  it('refuses an IBAN from outside the contract’s SEPA list', () => {
    expect(bankProblems(sepa, { ...SEPA_VALUES, iban: 'BR1800360305000010009795493C1' }).iban).toEqual({
      key: 'validation.iban.notAccepted', params: { country: 'BR' },
    });
  });

  it('shows the IBAN in groups of four and masks it for the review', () => {
    expect(fieldOf(sepa, 'iban').display?.('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
    expect(sepa.summarize(SEPA_VALUES)).toBe('IBAN •••• 3000');
  });

  it('sends a business holder by its name only', () => {
    const details = sepa.toBankDetails({ ...SEPA_VALUES, holderType: 'BUSINESS', businessName: 'Vogel GmbH' });
    expect(details.accountHolder).toEqual({ type: 'BUSINESS', businessName: 'Vogel GmbH' });
  });
});

describe('what every rail sends', () => {
  const filled: [PayoutRail, Record<string, string>][] = [
    [mx, { accountIdentifier: '014680260346007120' }],
    [do_, DO_VALUES],
    [us, US_VALUES],
    [us, { ...US_VALUES, holderType: 'BUSINESS', businessName: 'Acme Corp', accountType: 'SAVINGS', postalCode: '101180110' }],
    [sepa, SEPA_VALUES],
    [sepa, { ...SEPA_VALUES, holderType: 'BUSINESS', businessName: 'Vogel GmbH' }],
  ];

  it.each(filled)('$id: values without problems make details the API schema and the sandbox accept', (rail, raw) => {
    const values = typed(rail, raw);
    expect(bankProblems(rail, values)).toEqual({});
    const details = rail.toBankDetails(values);
    expect(bankDetailsSchema.parse(details)).toEqual(details);
    expect(acceptsBankDetails(details)).toBe(true);
  });

  it.each([mx, do_, us, sepa] as PayoutRail[])('$id: asks for every visible required field when empty, and for nothing hidden or optional', (rail) => {
    const problems = bankProblems(rail, {});
    const required = visibleFields(rail, {}).filter((field) => !field.optional).map((field) => field.name);
    expect(Object.keys(problems).sort()).toEqual(required.sort());
    for (const problem of Object.values(problems)) expect(problem).toEqual({ key: 'validation.required' });
  });
});

describe('the bank sentences', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

  it('have the same placeholders in Spanish as in English', () => {
    for (const key of Object.keys(bankEn) as (keyof typeof bankEn)[]) {
      expect(placeholders(bankEs[key]), key).toEqual(placeholders(bankEn[key]));
    }
  });

  it('never show a pattern to the user', () => {
    for (const text of [...Object.values(bankEn), ...Object.values(bankEs)]) expect(text).not.toMatch(/[\^$\\[\]]|\{\d/);
  });
});
