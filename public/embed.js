/*
 * Iran-Pakistan explainer: sizes the explainer's iframes on a host page to their content.
 * Accepts a message only from an iframe it manages (event.source) and from the explainer's own
 * origin, ignores everything else, and clamps the height. Asks every iframe for its height when it
 * starts, since an embed may have reported before this script ran.
 */
(function () {
  var script = document.currentScript;
  var origin = script ? new URL(script.src, location.href).origin : location.origin;
  var MIN = 100;
  var MAX = 20000;
  function frames() {
    return Array.prototype.filter.call(document.getElementsByTagName('iframe'), function (f) {
      try {
        return new URL(f.src, location.href).origin === origin && /\/embed\//.test(new URL(f.src, location.href).pathname);
      } catch (e) {
        return false;
      }
    });
  }
  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var d = event.data;
    if (!d || d.sentinel !== 'amp' || d.type !== 'embed-size' || typeof d.height !== 'number' || !isFinite(d.height)) return;
    frames().forEach(function (f) {
      if (f.contentWindow === event.source) {
        f.style.height = Math.max(MIN, Math.min(MAX, Math.ceil(d.height))) + 'px';
        f.setAttribute('scrolling', 'no');
      }
    });
  });
  function ask() {
    frames().forEach(function (f) {
      if (f.contentWindow) f.contentWindow.postMessage({ sentinel: 'amp', type: 'frames-init' }, origin);
    });
  }
  ask();
  window.addEventListener('load', ask);
  // Browsers pause rendering (and so ResizeObserver) in off-screen cross-origin frames: when the
  // host's width changes, ask every frame again; answering a message forces a fresh layout.
  var timer;
  window.addEventListener('resize', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
})();
