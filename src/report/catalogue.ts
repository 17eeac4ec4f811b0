// The message catalogue: one entry per rule id, in English and Chinese, put
// together from the table of each stage that owns rules. It sits above the
// stages (they never import it) and below whatever shows a diagnostic (the
// command line, the preview).

import type { MessageArgs } from '../diagnostics/diagnostic.js';
import { fillMessage, GENERAL_MESSAGES, type Lang, type Message } from '../diagnostics/messages.js';
import { IMPORT_MESSAGES } from '../import/messages.js';
import { LOAD_MESSAGES } from '../issue/messages.js';
import { LINT_MESSAGES } from '../lint/messages.js';
import { OFD_CHECK_MESSAGES } from '../ofd-check/messages.js';
import { PDFA_MESSAGES } from '../pdfa-check/messages.js';
import { SERIES_MESSAGES } from '../series/messages.js';
import { VERIFY_MESSAGES } from '../verify/messages.js';

export const MESSAGES: Record<string, Message> = {
  ...LOAD_MESSAGES,
  ...LINT_MESSAGES,
  ...PDFA_MESSAGES,
  ...OFD_CHECK_MESSAGES,
  ...SERIES_MESSAGES,
  ...VERIFY_MESSAGES,
  ...IMPORT_MESSAGES,
  ...GENERAL_MESSAGES,
};

/** The message of `rule` in `lang`, its `{name}` placeholders filled from `args`. */
export function formatMessage(rule: string, args: MessageArgs, lang: Lang): string {
  return fillMessage(MESSAGES[rule], rule, args, lang);
}
