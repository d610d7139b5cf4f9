/* sphinx-impress: start the presentation. Kept in a file, not inline in the page, so
 * that a page served with "Content-Security-Policy: script-src 'self'" still runs.
 *
 * - "?linear" or "?print" in the address: impress.js is not started; the page shows
 *   the deck as one document (linear view) or one printed page per step (print view).
 * - An address that names an anchor inside a step (a label, a heading), as links from
 *   the docs pages do, is first turned into the address of that step.
 * - prefers-reduced-motion: every transition takes 0 ms.
 * - The keys of plugins the deck switches off (impress_blackout, impress_fullscreen)
 *   are stopped before impress.js sees them.
 * - Accessibility: the active step gets the focus; the other steps are hidden from
 *   screen readers; skip steps are left out of the toolbar's step menu. */
(function () {
    "use strict";
    var root = document.getElementById("impress");
    var query = window.location.search.replace(/^\?/, "").split("&").map(function (part) {
        return part.split("=")[0];
    });
    var mode = query.indexOf("print") >= 0 ? "print" : query.indexOf("linear") >= 0 ? "linear" : "";
    if (mode) {
        document.body.classList.add("impress-" + mode);
        if (mode === "print") {
            Array.prototype.forEach.call(document.querySelectorAll('link[media="print"]'), function (link) {
                link.media = "all";
            });
        }
        return;
    }
    if (!root || typeof window.impress !== "function") {
        return;
    }

    var anchor = "";
    try {
        anchor = decodeURIComponent(window.location.hash.replace(/^#\/?/, ""));
    } catch (error) {
        // a malformed %-escape: no anchor to look for; impress.js starts at the first step
    }
    var target = anchor ? document.getElementById(anchor) : null;
    if (target && !target.classList.contains("step") && target.closest) {
        var step = target.closest("#impress .step");
        if (step && step.id && window.history && window.history.replaceState) {
            window.history.replaceState(null, "", "#/" + step.id);
        }
    }

    if (window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches) {
        root.setAttribute("data-transition-duration", "0");
        Array.prototype.forEach.call(root.querySelectorAll(".step[data-transition-duration]"), function (el) {
            el.setAttribute("data-transition-duration", "0");
        });
        document.body.classList.add("impress-reduced-motion");
    }

    // impress.js's key codes: B and "." (blackout), F5 (fullscreen; Escape stays free)
    var keysOff = (root.getAttribute("data-sphinx-impress-keys-off") || "").split(" ");
    var stopped = function (event) {
        return (keysOff.indexOf("blackout") >= 0 && (event.keyCode === 66 || event.keyCode === 190)) ||
            (keysOff.indexOf("fullscreen") >= 0 && event.code === "F5");
    };
    ["keydown", "keyup"].forEach(function (type) {
        window.addEventListener(type, function (event) {
            if (stopped(event)) {
                event.stopImmediatePropagation();
            }
        }, true);
    });
    // ... and the help box does not list them
    window.addEventListener("impress:help:add", function (event) {
        if (keysOff.indexOf("fullscreen") >= 0 && /F5/.test(event.detail && event.detail.command)) {
            event.stopImmediatePropagation();
        }
    }, true);

    // an impress.js plugin event, as impress.js's own plugins send them
    var fire = function (target, name, detail) {
        var event = document.createEvent("CustomEvent");
        event.initCustomEvent(name, true, true, detail);
        target.dispatchEvent(event);
    };
    var help = function (command, text, row) {
        fire(document, "impress:help:add", { command: command, text: text, row: row });
    };

    // Home and End: the first and the last step (impress.js 1.1.0 has no keys for them)
    document.addEventListener("keyup", function (event) {
        if (event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) {
            return;
        }
        var steps = root.querySelectorAll(".step");
        if (event.key === "Home" && steps.length) {
            window.impress().goto(steps[0]);
        } else if (event.key === "End" && steps.length) {
            window.impress().goto(steps[steps.length - 1]);
        }
    });

    root.addEventListener("impress:init", function () {
        help("Home / End", "First / last step", 3);
        if (keysOff.indexOf("blackout") < 0) {
            help("B / .", "Blank the screen / show it again", 4);
        }
        Array.prototype.forEach.call(root.querySelectorAll(".step.skip"), function (el) {
            fire(el, "impress:navigation-ui:hideStep", {});
        });
    });
    root.addEventListener("impress:stepenter", function (event) {
        var active = event.target;
        Array.prototype.forEach.call(root.querySelectorAll(".step"), function (el) {
            if (el === active) {
                el.removeAttribute("aria-hidden");
            } else {
                el.setAttribute("aria-hidden", "true");
            }
        });
        active.setAttribute("tabindex", "-1");
        if (active.focus) {
            active.focus({ preventScroll: true });
        }
    });

    window.impress().init();
}());
