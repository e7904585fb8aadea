/**
 * Every bank number check of every rail, as pure functions of the kept value (normalized: no
 * spaces, upper case where letters count). Shared by the rails' fields and the sandbox's rules.
 *
 * `check*` says what is wrong in the catalogue's words (undefined when good); `isValid*` is the
 * same check as a boolean. Messages describe the mistake, never a pattern.
 *
 * One module per package: a rail imports only the checks it uses, so the Mexican rail loads
 * clabe-validator alone and the SEPA rail ibantools alone.
 */
export * from './general';
export * from './clabe';
export * from './iban';
