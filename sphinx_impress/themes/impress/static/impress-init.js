/* sphinx-impress: start the presentation. Kept in a file, not inline in the page, so
 * that a page served with "Content-Security-Policy: script-src 'self'" still runs.
 * An address that names an anchor inside a step (a label, a heading), as links from
 * the docs pages do, is first turned into the address of that step. */
(function () {
    "use strict";
    var anchor = decodeURIComponent(window.location.hash.replace(/^#\/?/, ""));
    var target = anchor ? document.getElementById(anchor) : null;
    if (target && !target.classList.contains("step") && target.closest) {
        var step = target.closest("#impress .step");
        if (step && step.id && window.history && window.history.replaceState) {
            window.history.replaceState(null, "", "#/" + step.id);
        }
    }
    if (typeof window.impress === "function") {
        window.impress().init();
    }
}());
