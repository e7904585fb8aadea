/**
 * The sentences of a quote and of its failure, in English: the figures, the countdown, the generic
 * error and the support link, and the form's checks that only its schema makes. They download with
 * the code that shows them (`loadQuoteEnglish`), and are part of the whole catalogue (`en.ts`).
 */
export const quoteEn = {
  'quote.rate': 'Rate',
  'quote.rateValue': '1 {token} = {rate}',
  'quote.youSend': 'You send',
  'quote.expiresIn': 'Quote expires in {time}',
  'quote.expired': 'This quote has expired.',
  'action.retry': 'Try again',
  'validation.required': 'This field is required.',
  'validation.token.unavailable': 'This token is not sold on this network. Choose another.',
  'error.generic': 'Something went wrong (code {code}). Please try again.',
  'error.reference': 'Reference: {requestId}',
  'quote.value': 'Value at this rate',
  'quote.fee': 'Fee ({percent})',
  'quote.reachesBank': 'Reaches your bank',
  'quote.networkFee': 'The {network} network fee (paid in {gasToken}) is yours, on top of this amount.',
  'quote.networkFeeUnknown': 'The {network} network fee is yours, on top of this amount.',
  'quote.exchangeFee': 'Sending from an exchange? Its withdrawal fee comes off what arrives: make sure the exact amount arrives.',
  'support.contact': 'Contact support',
  'support.quote': 'Give them the order reference {id}.',
} as const;
