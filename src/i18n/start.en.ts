/**
 * The sentences the first screen shows, in English: the shell (titles, progress, footer) and the
 * amount step. They ship with the widget; a quote's and its failure's (`quote.en.ts`) download with
 * the code that shows them, the later steps' and the errors' (`bank.en.ts`, `steps.en.ts`) with
 * those steps and with the error catalogue (see `loadAllEnglish`).
 */
export const startEn = {
  'step.progress': 'Step {current} of {total}',
  'step.amount.title': 'How much do you want to sell?',
  'step.bank.title': 'Where should we pay you?',
  'step.review.title': 'Review your order',
  'step.loading': 'Loading…',
  'step.send.title': 'Send your crypto',
  'amount.side.legend': 'Enter the amount',
  'amount.side.crypto': 'You send',
  'amount.side.fiat': 'You receive',
  'amount.label': 'Amount',
  'amount.unit': 'in {unit}',
  'amount.currency': 'Currency',
  'amount.network': 'Network',
  'amount.token': 'Token',
  'quote.title': 'Your quote',
  'quote.loading': 'Getting your rate…',
  'quote.updating': 'Updating your rate…',
  'quote.wait': 'Your quote is on its way: the next step follows as soon as it shows.',
  'quote.otc': 'A large order: priced by the OTC desk.',
  'action.continue': 'Continue',
  'validation.amount.required': 'Enter an amount.',
  'validation.amount.invalid': 'Enter a number, such as {example}.',
  'validation.amount.positive': 'Enter an amount above zero.',
  'validation.amount.decimals': 'Use at most {decimals} decimals.',
  'error.amountRange': 'Enter an amount between {min} and {max}.',
  'error.offline': 'You are offline. Your details are kept: we will continue once you are back online.',
  'kyc.title': 'Verify your identity',
  'error.render': 'Something went wrong on this screen. Everything you entered is kept.',
  'action.startAgain': 'Start this step again',
  'step.status.title': 'Where your money is',
  'amount.limits': 'between {min} and {max}',
  'amount.tokenChanged': 'the amount was in {from}: enter it in {to}',
  'amount.noStablecoin': 'No stablecoin on {network}: the price of {token} can move while you wait.',
  'support.help': 'Help',
  'support.terms': 'Terms',
} as const;
