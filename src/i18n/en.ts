import { bankEn } from './bank.en';
import { quoteEn } from './quote.en';
import { startEn } from './start.en';
import { stepsEn } from './steps.en';

/**
 * English, the source of the message keys. Placeholders are `{name}`. The first screen's sentences
 * ship with the widget; this whole catalogue downloads with the later steps (`loadAllEnglish`).
 */
export const en = {
  ...startEn,
  ...quoteEn,
  ...bankEn,
  ...stepsEn,
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
