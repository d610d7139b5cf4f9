/* sphinx-impress: start the presentation. Kept in a file, not inline in the page, so
 * that a page served with "Content-Security-Policy: script-src 'self'" still runs. */
(function () {
    "use strict";
    if (typeof window.impress === "function") {
        window.impress().init();
    }
}());
