/* sphinx-impress, docs pages of decks: the "Present" link opens the presentation at
 * the slide the reader is at, when the address names an anchor inside one. The link
 * lists the slides' step ids in data-impress-steps. */
(function () {
    "use strict";
    document.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest(".impress-present a") : null;
        if (!link || !window.location.hash) {
            return;
        }
        var steps = (link.getAttribute("data-impress-steps") || "").split(" ");
        var node = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
        for (; node; node = node.parentElement) {
            if (node.id && steps.indexOf(node.id) !== -1) {
                link.setAttribute("href", link.getAttribute("href").split("#")[0] + "#/" + node.id);
                return;
            }
        }
    });
}());
