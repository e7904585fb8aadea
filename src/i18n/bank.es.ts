import type { bankEn } from './bank.en';

export const bankEs: Record<keyof typeof bankEn, string> = {
  'bank.rail.MX': 'Cuenta bancaria en México (SPEI)',
  'bank.clabe': 'CLABE',
  'bank.clabe.hint': 'Los 18 dígitos de tu estado de cuenta o de la app de tu banco.',
  'bank.clabe.bank': 'Banco: {bank}',
  'validation.clabe.characters': 'Una CLABE tiene solo dígitos.',
  'validation.clabe.length': 'Una CLABE tiene 18 dígitos; esta tiene {count}.',
  'validation.clabe.checksum': 'El dígito verificador de esta CLABE es incorrecto: compárala con tu estado de cuenta.',
};
