/** The bank step's sentences: rails, their fields and their validators' messages. */
export const bankEn = {
  'bank.rail.MX': 'Bank account in Mexico (SPEI)',
  'bank.clabe': 'CLABE',
  'bank.clabe.hint': 'The 18 digits on your bank statement or in your banking app.',
  'bank.clabe.bank': 'Bank: {bank}',
  'validation.clabe.characters': 'A CLABE has digits only.',
  'validation.clabe.length': 'A CLABE has 18 digits; this one has {count}.',
  'validation.clabe.checksum': 'The check digit of this CLABE is wrong: please compare it with your bank statement.',
} as const;
