/* sphinx-impress, docs pages of decks: the "Present" link opens the presentation at
 * the slide the reader is at, when the address names an anchor: the presentation keeps
 * the page's anchors inside its steps and moves to the step that holds it. */
(function () {
    "use strict";
    document.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest(".impress-present a") : null;
        if (!link || link.classList.contains("impress-canvas-link") || !window.location.hash) {
            return;
        }
        link.setAttribute("href", link.getAttribute("href").split("#")[0] + "#/" +
            window.location.hash.replace(/^#\/?/, ""));
    });
}());
