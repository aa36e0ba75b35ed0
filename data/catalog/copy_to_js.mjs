// Copies the committed catalog next to the JS package (js/data/catalog.json,
// git-ignored) where js/assets.js points, so Vite emits it as a hashed
// asset and Node reads it. Run by the wasm build and scripts/build.sh.
import { copyFileSync, mkdirSync } from 'node:fs';

const from = new URL('./catalog.json', import.meta.url);
const to = new URL('../../js/data/catalog.json', import.meta.url);
mkdirSync(new URL('./', to), { recursive: true });
copyFileSync(from, to);
