// Host of the code-exercise worker (see code-runner.html): receives the worker's source from the
// page, starts it from a blob: URL (so it inherits this document's policy) and relays messages
// both ways. The page removes this frame to stop everything.
'use strict';
(function () {
  var worker = null;
  var send = function (message) {
    parent.postMessage(message, '*');
  };
  addEventListener('message', function (event) {
    if (event.source !== parent) return;
    var m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'host-start' && worker === null && typeof m.source === 'string') {
      try {
        var url = URL.createObjectURL(new Blob([m.source], { type: 'text/javascript' }));
        // A classic worker (the bundle is an IIFE): a module worker cannot start from a blob: URL
        // in an opaque origin.
        worker = new Worker(url, { name: 'exercise-sandbox' });
      } catch (error) {
        send({ type: 'host-error', message: String((error && error.message) || error) });
        return;
      }
      worker.onmessage = function (e) {
        send({ type: 'host-worker', data: e.data });
      };
      worker.onerror = function (e) {
        e.preventDefault();
        send({ type: 'host-error', message: e.message || 'the worker failed to load' });
      };
      send({ type: 'host-started' });
    } else if (m.type === 'host-run' && worker !== null) {
      worker.postMessage(m.request);
    }
  });
  send({ type: 'host-ready' });
})();
