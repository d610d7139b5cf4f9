/* sphinx-impress: the presenter console (key P), in place of impress.js 1.1.0's.
 *
 * impress.js's console reaches into the documents of its preview frames, which a
 * browser forbids for pages opened from disk (frames of file:// pages have opaque
 * origins), so it throws there; it also writes inline styles and inline event handlers,
 * which a page served with Content-Security-Policy: default-src 'self' refuses. This
 * console takes its place (the vendored impress.js is not changed): impress-init.js
 * stops P and impress.js's impress:console:open event before impress.js sees them,
 * opens the console's window and loads this script, which fills it
 * (window.sphinxImpressConsole.open(window)), so that pages do not load it until then.
 *
 * The console is a window of its own showing the notes of the current step (the
 * step's ".notes", as impress.js writes them), a clock, a timer (R or its button
 * restarts it), the step number, and two previews: the step as the audience sees it
 * and what the next press shows (the next substep of the step, else the next step).
 * The previews are the presentation itself in frames opened with "?preview"; they are
 * told what to show with postMessage, which works between any two windows, and never
 * touched otherwise. The console's keys move the presentation: right, down, page down
 * and space go on, left, up and page up go back, Home and End go to the first and last
 * step. Everything it shows is built with DOM methods, styled by impress-console.css. */
(function () {
    "use strict";

    var NAME = "sphinx-impress-console";
    var root = document.getElementById("impress");
    var here = document.currentScript ? document.currentScript.src : "";
    if (!root || window.sphinxImpressConsole) {
        return;
    }
    var parts = null;
    var timerStart = Date.now();
    var clock = null;

    var api = function () {
        return window.impress();
    };
    var steps = function () {
        return Array.prototype.slice.call(root.querySelectorAll(".step"));
    };
    var active = function () {
        return root.querySelector(".step.active");
    };

    // ---- what the previews show --------------------------------------------------
    var substepsShown = function (step) {
        return step ? step.querySelectorAll(".substep.substep-visible").length : 0;
    };

    // what the next press shows: the next substep of this step, else the next step
    // (its goto-next or goto, else the next step that is not skipped, else the first)
    var nextView = function (step) {
        if (!step) {
            return null;
        }
        var shown = substepsShown(step);
        if (shown < step.querySelectorAll(".substep").length) {
            return { step: step, substeps: shown + 1, label: "Next: substep " + (shown + 1) };
        }
        var target = null;
        var jump = step.getAttribute("data-goto-next") || step.getAttribute("data-goto");
        if (jump) {
            target = document.getElementById(jump);
        }
        if (!target) {
            var all = steps();
            var index = all.indexOf(step);
            for (var i = 1; i <= all.length && !target; i++) {
                var candidate = all[(index + i) % all.length];
                if (!candidate.classList.contains("skip")) {
                    target = candidate;
                }
            }
            if (target && steps().indexOf(target) <= index) {
                return { step: target, substeps: 0, label: "Next: back to the start" };
            }
        }
        return target ? { step: target, substeps: 0, label: "Next" } : null;
    };

    var tell = function (frame, view) {
        if (frame && frame.contentWindow && view) {
            frame.contentWindow.postMessage(
                { sphinxImpress: "show", step: view.step.id, substeps: view.substeps }, "*"
            );
        }
    };

    // ---- the console's document --------------------------------------------------
    var element = function (doc, tag, attributes, text) {
        var el = doc.createElement(tag);
        Object.keys(attributes || {}).forEach(function (name) {
            el.setAttribute(name, attributes[name]);
        });
        if (text) {
            el.textContent = text;
        }
        return el;
    };

    var previewUrl = function (step) {
        var base = window.location.href.split("#")[0].split("?")[0];
        return base + "?preview#/" + encodeURIComponent(step ? step.id : "");
    };

    var build = function (win) {
        var doc = win.document;
        doc.open();
        doc.write("<!DOCTYPE html><html><head></head><body></body></html>");
        doc.close();
        doc.documentElement.lang = document.documentElement.lang || "en";
        doc.documentElement.className = document.documentElement.className;
        doc.title = "Presenter console: " + document.title;
        doc.head.appendChild(element(doc, "meta", { charset: "utf-8" }));
        // addresses in the notes (images, links) are the presentation's
        doc.head.appendChild(element(doc, "base", { href: window.location.href.split("#")[0] }));
        doc.head.appendChild(element(doc, "link", {
            rel: "stylesheet", href: new URL("impress-console.css", here || window.location.href).href
        }));
        var body = doc.body;
        body.className = "impress-console";
        var views = body.appendChild(element(doc, "div", { "class": "impress-console-views" }));
        var current = views.appendChild(element(doc, "figure", { "class": "impress-console-current" }));
        current.appendChild(element(doc, "figcaption", {}, "Now"));
        var currentFrame = current.appendChild(element(doc, "iframe", {
            title: "The current step", src: previewUrl(active()), tabindex: "-1"
        }));
        var next = views.appendChild(element(doc, "figure", { "class": "impress-console-next" }));
        var nextLabel = next.appendChild(element(doc, "figcaption", {}, "Next"));
        var nextFrame = next.appendChild(element(doc, "iframe", {
            title: "What the next press shows", src: previewUrl(active()), tabindex: "-1"
        }));
        var side = body.appendChild(element(doc, "div", { "class": "impress-console-side" }));
        var bar = side.appendChild(element(doc, "div", { "class": "impress-console-bar" }));
        var clockEl = bar.appendChild(element(doc, "span", { "class": "impress-console-clock" }, "--:--"));
        var timerEl = bar.appendChild(element(doc, "button", {
            type: "button", "class": "impress-console-timer", title: "Restart the timer (R)"
        }, "00:00"));
        var position = bar.appendChild(element(doc, "span", { "class": "impress-console-position" }));
        var notes = side.appendChild(element(doc, "div", {
            "class": "impress-console-notes", "aria-live": "polite"
        }));
        var buttons = side.appendChild(element(doc, "div", { "class": "impress-console-buttons" }));
        var prev = buttons.appendChild(element(doc, "button", { type: "button" }, "Previous"));
        var forward = buttons.appendChild(element(doc, "button", { type: "button" }, "Next"));

        prev.addEventListener("click", function () { api().prev(); });
        forward.addEventListener("click", function () { api().next(); });
        timerEl.addEventListener("click", restartTimer);
        doc.addEventListener("keydown", onKeyDown, false);
        doc.addEventListener("keyup", onKey, false);
        currentFrame.addEventListener("load", sync);
        nextFrame.addEventListener("load", sync);
        // a preview says when it is ready to be told what to show
        win.addEventListener("message", function (event) {
            if (event.data && event.data.sphinxImpress === "ready") {
                sync();
            }
        });
        win.addEventListener("beforeunload", function () {
            parts = null;
        });
        return {
            window: win, current: currentFrame, next: nextFrame, nextLabel: nextLabel,
            notes: notes, clock: clockEl, timer: timerEl, position: position
        };
    };

    // ---- keeping it up to date -----------------------------------------------------
    var pad = function (number) {
        return (number < 10 ? "0" : "") + number;
    };

    var tick = function () {
        if (!parts || parts.window.closed) {
            window.clearInterval(clock);
            clock = null;
            parts = null;
            return;
        }
        var now = new Date();
        parts.clock.textContent = pad(now.getHours()) + ":" + pad(now.getMinutes()) + ":" +
            pad(now.getSeconds());
        var seconds = Math.floor((Date.now() - timerStart) / 1000);
        var hours = Math.floor(seconds / 3600);
        parts.timer.textContent = (hours ? hours + ":" : "") + pad(Math.floor(seconds / 60) % 60) +
            ":" + pad(seconds % 60);
    };

    function restartTimer() {
        timerStart = Date.now();
        tick();
    }

    function sync() {
        if (!parts || parts.window.closed) {
            return;
        }
        var step = active();
        var doc = parts.window.document;
        var all = steps();
        parts.position.textContent = step ? (all.indexOf(step) + 1) + " / " + all.length : "";
        // the notes, copied into the console's document
        while (parts.notes.firstChild) {
            parts.notes.removeChild(parts.notes.firstChild);
        }
        var notes = step ? step.querySelector(".notes") : null;
        if (notes) {
            Array.prototype.forEach.call(notes.childNodes, function (node) {
                parts.notes.appendChild(doc.importNode(node, true));
            });
        } else {
            parts.notes.appendChild(element(doc, "p", { "class": "impress-console-no-notes" },
                "No notes for this step."));
        }
        parts.notes.scrollTop = 0;
        tell(parts.current, step ? { step: step, substeps: substepsShown(step) } : null);
        var next = nextView(step);
        parts.nextLabel.textContent = next ? next.label : "Next";
        tell(parts.next, next);
    }

    // ---- keys in the console -------------------------------------------------------
    var FORWARD = ["ArrowRight", "ArrowDown", "PageDown", " ", "Spacebar"];
    var BACK = ["ArrowLeft", "ArrowUp", "PageUp"];

    function plain(event) {
        return !(event.ctrlKey || event.altKey || event.metaKey || event.shiftKey);
    }

    function onKeyDown(event) {
        if (plain(event) && (FORWARD.indexOf(event.key) >= 0 || BACK.indexOf(event.key) >= 0)) {
            event.preventDefault();
        }
    }

    function onKey(event) {
        if (!plain(event)) {
            return;
        }
        var all = steps();
        if (FORWARD.indexOf(event.key) >= 0) {
            api().next();
        } else if (BACK.indexOf(event.key) >= 0) {
            api().prev();
        } else if (event.key === "Home" && all.length) {
            api().goto(all[0]);
        } else if (event.key === "End" && all.length) {
            api().goto(all[all.length - 1]);
        } else if (event.key === "r" || event.key === "R") {
            restartTimer();
        } else {
            return;
        }
        event.preventDefault();
    }

    // ---- opening it: in the window impress-init.js opened (a new one without it) ------
    var open = function (win) {
        if (parts && !parts.window.closed && (!win || win === parts.window)) {
            parts.window.focus();
            return parts.window;
        }
        var consoleWindow = win || window.open("", NAME);
        if (!consoleWindow) {
            window.console.warn("sphinx-impress: the browser did not open the presenter " +
                "console window; allow pop-up windows for this page and press P again.");
            return null;
        }
        parts = build(consoleWindow);
        timerStart = Date.now();
        tick();
        if (!clock) {
            clock = window.setInterval(tick, 1000);
        }
        sync();
        return consoleWindow;
    };

    ["impress:stepenter", "impress:stepleave", "impress:substep:enter", "impress:substep:leave",
        "impress:substep:stepleaveaborted"].forEach(function (name) {
        root.addEventListener(name, function () {
            window.setTimeout(sync, 0);
        });
    });
    window.addEventListener("pagehide", function () {
        if (parts && !parts.window.closed) {
            parts.window.close();
        }
    });

    window.sphinxImpressConsole = { open: open };
}());
