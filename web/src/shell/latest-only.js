// A worker's message loop that answers only the newest request: while one
// runs, later ones replace each other in a one-slot queue, and each reply
// carries the id it answers (the page drops replies to older ids).
// handle(request, superseded) returns { reply, transfer? }; a long handler
// may stop early when superseded() is true. Messages `skip` accepts are
// not requests (another listener takes them).
export function serveLatest(handle, { skip = () => false } = {}) {
  let running = false;
  let pending = null;
  const superseded = () => pending !== null;

  async function drain() {
    running = true;
    while (pending) {
      const request = pending;
      pending = null;
      try {
        const { reply, transfer = [] } = await handle(request, superseded);
        self.postMessage(reply, transfer);
      } catch (e) {
        self.postMessage({ id: request.id, error: { message: e.message ?? String(e), field: e.field ?? '' } });
      }
    }
    running = false;
  }

  self.onmessage = (event) => {
    if (skip(event.data)) return;
    pending = event.data;
    if (!running) drain();
  };
}
