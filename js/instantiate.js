// Instantiates an Emscripten module from a compiled WebAssembly.Module when
// one is given (and did not fail to arrive), else as `fallback` options say
// (the glue then fetches or is handed the wasm bytes itself). A page
// compiles its wasm once and hands the module to its worker this way.
export async function instantiateFrom(create, wasmModule, fallback = () => ({})) {
  const compiled = await Promise.resolve(wasmModule).catch(() => null);
  if (!(compiled instanceof WebAssembly.Module)) return create(await fallback());
  return new Promise((resolve, reject) => {
    const instantiateWasm = (imports, receive) => {
      WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled), reject);
      return {}; // the exports arrive through receive()
    };
    create({ instantiateWasm }).then(resolve, reject);
  });
}
