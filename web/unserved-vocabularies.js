// Vocabularies the site does not serve, though the core, the CLI and the
// Node API run them: their terms ask for more than the site shows yet
// (NOTICE): Llama 3's a copy of the Meta Llama 3 Community License and
// "Built with Meta Llama 3", Gemma 3's the Gemma Terms of Use passed on.
// The build leaves their files out (vite.config.js), and the pages count
// those models' text with o200k_base, labelled an estimate that says why.
export const UNSERVED_VOCABULARIES = ['llama3', 'gemma3'];
