// The pipeline's main value: an issue checked and laid out, ready for any
// writer. It lives apart from the orchestrator (build.ts) so the writers that
// read it (PDF, Word, OFD, preview) never import the orchestrator.

import type { FontSet } from '../fonts/fontset.js';
import type { Issue } from '../issue/model.js';
import type { Page } from '../layout/display-list.js';
import type { Template } from '../template/model.js';

export interface Compiled {
  issue: Issue;
  template: Template;
  fonts: FontSet;
  pages: Page[];
}
