// Vocabularies this build does not serve: the site's build leaves some out
// for their license terms (web/unserved-vocabularies.js, passed in by
// Vite's define). Empty in Node and for other bundlers.
/* global __LLMCALC_UNSERVED_VOCABULARIES__ */
export const UNSERVED_VOCABULARIES =
  typeof __LLMCALC_UNSERVED_VOCABULARIES__ !== 'undefined' ? __LLMCALC_UNSERVED_VOCABULARIES__ : [];
