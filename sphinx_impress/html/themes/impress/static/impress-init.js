/* sphinx-impress: start the presentation. Kept in a file, not inline in the page, so
 * that a page served with "Content-Security-Policy: script-src 'self'" still runs.
 *
 * - "?linear" or "?print" in the address: impress.js is not started; the page shows
 *   the deck as one document (linear view) or one printed page per step (print view).
 * - An address that names an anchor inside a step (a label, a heading), as links from
 *   the docs pages do, is first turned into the address of that step.
 * - prefers-reduced-motion, and "?preview" (the presenter console's previews): every
 *   transition takes 0 ms. A preview shows no controls and no help; it shows the step
 *   (and how many of its substeps) its parent window asks for with postMessage
 *   ({sphinxImpress: "show", step: id, substeps: n}).
 * - The key help (impress_help) is shown at the start only the first time a browser
 *   opens a presentation: the browser remembers that it was shown (localStorage, else
 *   sessionStorage), so not again, and not after a live reload.
 * - An overview step (class impress-overview) being shown marks the body
 *   "impress-overview-shown" (the theme then draws every step fully) and the step the
 *   speaker came from "impress-came-from".
 * - The keys of plugins the deck switches off (impress_blackout, impress_fullscreen)
 *   are stopped before impress.js sees them.
 * - P (and impress.js's impress:console:open event) opens the presenter console of
 *   impress-console.js, loaded then, in place of impress.js's own.
 * - Accessibility: the active step gets the focus; the other steps are hidden from
 *   screen readers; skip steps are left out of the toolbar's step menu. */
(function () {
    "use strict";
    var root = document.getElementById("impress");
    var query = window.location.search.replace(/^\?/, "").split("&").map(function (part) {
        return part.split("=")[0];
    });
    var here = document.currentScript ? document.currentScript.src : window.location.href;
    var mode = query.indexOf("print") >= 0 ? "print" : query.indexOf("linear") >= 0 ? "linear" : "";
    var preview = query.indexOf("preview") >= 0 && window.parent !== window;
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

    var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (reduced || preview) {
        root.setAttribute("data-transition-duration", "0");
        Array.prototype.forEach.call(root.querySelectorAll(".step[data-transition-duration]"), function (el) {
            el.setAttribute("data-transition-duration", "0");
        });
        document.body.classList.add(preview ? "impress-preview" : "impress-reduced-motion");
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
    // P: the presenter console of impress-console.js, loaded on first use (its window
    // is opened at once, while the key press still allows it); impress.js's own never
    // sees the key
    var openConsole = function () {
        var win = window.open("", "sphinx-impress-console");
        if (window.sphinxImpressConsole) {
            window.sphinxImpressConsole.open(win);
            return;
        }
        var script = document.createElement("script");
        script.src = new URL("impress-console.js", here).href;
        script.addEventListener("load", function () {
            window.sphinxImpressConsole.open(win);
        });
        document.head.appendChild(script);
    };
    if (!preview) {
        ["keydown", "keyup"].forEach(function (type) {
            window.addEventListener(type, function (event) {
                var plain = !(event.ctrlKey || event.altKey || event.metaKey || event.shiftKey);
                var target = event.target;
                if ((event.key === "p" || event.key === "P") && plain &&
                        !(target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
                    event.stopImmediatePropagation();
                    event.preventDefault();
                    if (type === "keyup") {
                        openConsole();
                    }
                }
            }, true);
        });
        document.addEventListener("impress:console:open", function (event) {
            event.stopImmediatePropagation();
            openConsole();
        }, true);
    }

    // ... and the help box does not list them; its lines are in the page's language
    // (the builder writes their translations into data-impress-help)
    var helpTexts = {};
    try {
        var helpElement = document.getElementById("impress-help");
        helpTexts = JSON.parse((helpElement && helpElement.getAttribute("data-impress-help")) || "{}");
    } catch (error) {
        helpTexts = {};
    }
    var escapeHtml = function (text) {
        return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    };
    window.addEventListener("impress:help:add", function (event) {
        if (keysOff.indexOf("fullscreen") >= 0 && /F5/.test(event.detail && event.detail.command)) {
            event.stopImmediatePropagation();
            return;
        }
        var english = event.detail && typeof event.detail.text === "string"
            ? event.detail.text.replace(/&amp;/g, "&") : null;
        if (english !== null && Object.prototype.hasOwnProperty.call(helpTexts, english)) {
            event.detail.text = escapeHtml(helpTexts[english]);
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
    // an overview step: every step drawn fully, the step the speaker came from marked
    var OVERVIEW = "impress-overview", SHOWN = "impress-overview-shown", CAME_FROM = "impress-came-from";
    var markOverview = function (from, to) {
        var overview = to && to.classList.contains(OVERVIEW);
        document.body.classList.toggle(SHOWN, !!overview);
        // the theme draws the cards' edges this many times wider, so that they are about
        // 2 px wide on screen however far the overview zooms out (CSSOM, allowed by a CSP)
        if (overview) {
            var scale = parseFloat(to.getAttribute("data-scale"));
            document.body.style.setProperty("--impress-overview-scale", String(scale > 0 ? scale : 1));
        }
        Array.prototype.forEach.call(root.querySelectorAll("." + CAME_FROM), function (el) {
            el.classList.remove(CAME_FROM);
        });
        if (overview && from && !from.classList.contains(OVERVIEW)) {
            from.classList.add(CAME_FROM);
        }
    };
    root.addEventListener("impress:stepleave", function (event) {
        markOverview(event.target, event.detail && event.detail.next);
    });

    root.addEventListener("impress:stepenter", function (event) {
        var active = event.target;
        if (!document.body.classList.contains(SHOWN) || !active.classList.contains(OVERVIEW)) {
            markOverview(null, active);
        }
        Array.prototype.forEach.call(root.querySelectorAll(".step"), function (el) {
            if (el === active) {
                el.removeAttribute("aria-hidden");
            } else {
                el.setAttribute("aria-hidden", "true");
            }
        });
        active.setAttribute("tabindex", "-1");
        if (active.focus && !preview) {
            active.focus({ preventScroll: true });
        }
    });

    // the presenter console's previews: show what the console asks for
    if (preview) {
        var wanted = null;
        var showSubsteps = function () {
            var step = wanted && document.getElementById(wanted.step);
            if (!step || !step.classList.contains("active")) {
                return;
            }
            var substeps = step.querySelectorAll(".substep");
            Array.prototype.forEach.call(substeps, function (el, index) {
                el.classList.toggle("substep-visible", index < wanted.substeps);
                el.classList.toggle("substep-active", index === wanted.substeps - 1);
            });
        };
        root.addEventListener("impress:stepenter", showSubsteps);
        window.addEventListener("message", function (event) {
            var data = event.data;
            // from the console's window, or the presentation that drives it
            var from = event.source === window.parent || event.source === window.parent.opener;
            if (!from || !data || data.sphinxImpress !== "show") {
                return;
            }
            wanted = { step: String(data.step), substeps: Number(data.substeps) || 0 };
            var step = document.getElementById(wanted.step);
            if (step && !step.classList.contains("active")) {
                window.impress().goto(step, 0);
            }
            showSubsteps();
        });
    }

    window.impress().init();

    // the key help at the start: once per browser, never in a preview
    var helpBox = document.getElementById("impress-help");
    if (helpBox && (preview || !firstVisit("sphinx-impress:help-shown"))) {
        helpBox.style.display = "none";
    }
    if (preview && window.parent.postMessage) {
        window.parent.postMessage({ sphinxImpress: "ready" }, "*");
    }

    // whether the key has not been seen in this browser before (it is then noted)
    function firstVisit(key) {
        var stores = [];
        // either may be refused (storage switched off): the other is tried
        ["localStorage", "sessionStorage"].forEach(function (name) {
            try {
                stores.push(window[name]);
            } catch (error) {
                return;
            }
        });
        for (var i = 0; i < stores.length; i++) {
            try {
                if (stores[i].getItem(key)) {
                    return false;
                }
                stores[i].setItem(key, "1");
                return true;
            } catch (error) {
                // this store refuses (storage off, quota): try the next
            }
        }
        return true;
    }
}());
