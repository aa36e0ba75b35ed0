// Data files that ship with the package, by name. Each URL is written out
// literally so that Vite sees it, emits the file as a hashed asset and
// fetches it only when a page asks for it (a page loads only the
// vocabularies it uses).
const urls = {
  // Model and price catalog (data/catalog/catalog.json, copied here by the wasm build).
  'catalog.json': new URL('./data/catalog.json', import.meta.url),
};

/** @returns {URL | undefined} */
export function assetUrl(name) {
  return urls[name];
}
