/* sphinx-impress: shrink a step's content to fit the slide.
 *
 * A step is a box of the deck's size (impress_width x impress_height) whose content
 * sits in ".impress-step-body". When the root element says data-sphinx-impress-fit="yes"
 * (impress_fit), in every step but those with the class "impress-no-fit", else in the
 * steps with the class "impress-fit" (the step's own ":fit:" option), and never in an
 * overview step, content larger than the box is shrunk as a whole,
 * keeping its proportions, with CSS zoom on the body (the step element itself belongs
 * to impress.js, which writes its transform): lines are laid out again at the wider
 * width the zoom gives, and the largest factor at which nothing sticks out is chosen
 * (bisection, to a thousandth). It is never shrunk below the root's
 * data-sphinx-impress-fit-min (impress_fit_min); a step that would need less is shrunk
 * to that, gets the class "impress-overflow" and is reported once in the browser's
 * console. The factor used is written on the step as data-sphinx-impress-fitted.
 *
 * Lazily, so that a deck of any size starts at once:
 * - when impress.js starts: the step it starts at, at once; the other steps that are
 *   drawn (not "impress-far", see impress-nearby.js) in the frames after, a few
 *   milliseconds of each frame;
 * - when it moves to a step: that step at once (impress:stepleave names it), and the
 *   steps impress-nearby.js draws on the way as they appear;
 * - again when an image or a font of a fitted step arrives;
 * - in the print view ("?print", also used by sphinx-impress pdf): every step, once the
 *   page and its fonts have loaded; then the body gets the class "impress-fitted".
 *
 * window.sphinxImpressFit.all() fits every step at once and returns, in document
 * order, {id, fit, factor, needed, overflow} for each step but overview steps: for a
 * step that is not fitted, factor is 1 and overflow says whether its content sticks
 * out of the slide (sphinx-impress check uses it). */
(function () {
    "use strict";

    var FIT = "impress-fit";
    var NO_FIT = "impress-no-fit";
    var BODY = "impress-step-body";
    var FAR = "impress-far";
    var OVERFLOW = "impress-overflow";
    var FACTOR = "data-sphinx-impress-fitted";
    var MIN_ATTRIBUTE = "data-sphinx-impress-fit-min";
    var BUDGET_MS = 6;

    var root = document.getElementById("impress");
    if (!root) {
        return;
    }
    var byDefault = root.getAttribute("data-sphinx-impress-fit") === "yes";
    var minimum = parseFloat(root.getAttribute(MIN_ATTRIBUTE));
    if (!(minimum > 0 && minimum <= 1)) {
        minimum = 0.5;
    }
    var results = {};
    var reported = {};
    var watched = typeof WeakSet === "function" ? new WeakSet() : null;

    function bodyOf(step) {
        for (var child = step.firstElementChild; child; child = child.nextElementSibling) {
            if (child.classList.contains(BODY)) {
                return child;
            }
        }
        return null;
    }

    // Nothing sticks out: not below the step's padding box bottom (its scroll height
    // counts the content's overflow and the bottom padding), not beyond the body's
    // width (in the body's own, zoomed, units).
    function fits(step, body) {
        return step.scrollHeight <= step.clientHeight + 0.5 &&
            body.scrollWidth <= body.clientWidth + 0.5;
    }

    function setZoom(body, factor) {
        body.style.zoom = factor >= 1 ? "" : String(factor);
    }

    function fitted(step) {
        if (step.classList.contains("impress-overview")) {
            return false;
        }
        return byDefault ? !step.classList.contains(NO_FIT) : step.classList.contains(FIT);
    }

    function fit(step) {
        var body = bodyOf(step);
        if (!body || !fitted(step)) {
            return null;
        }
        // a far step's content is not laid out (content-visibility: hidden)
        var far = step.classList.contains(FAR);
        if (far) {
            step.classList.remove(FAR);
        }
        setZoom(body, 1);
        var factor = 1;
        var needed = 1;
        var overflow = false;
        if (!fits(step, body)) {
            setZoom(body, minimum);
            if (fits(step, body)) {
                var low = minimum, high = 1;
                while (high - low > 0.001) {
                    var middle = (low + high) / 2;
                    setZoom(body, middle);
                    if (fits(step, body)) {
                        low = middle;
                    } else {
                        high = middle;
                    }
                }
                factor = needed = Math.floor(low * 1000) / 1000;
                setZoom(body, factor);
            } else {
                overflow = true;
                factor = minimum;
                var ratio = Math.min(
                    step.clientHeight / step.scrollHeight,
                    body.clientWidth / body.scrollWidth
                );
                needed = Math.floor(minimum * ratio * 1000) / 1000;
            }
        }
        step.classList.toggle(OVERFLOW, overflow);
        step.setAttribute(FACTOR, String(factor));
        if (far) {
            step.classList.add(FAR);
        }
        var result = { id: step.id, fit: true, factor: factor, needed: needed, overflow: overflow };
        results[step.id] = result;
        if (overflow && !reported[step.id]) {
            reported[step.id] = true;
            window.console.warn(
                "sphinx-impress: the content of step #" + step.id + " is larger than the " +
                "slide even shrunk to " + minimum + " (impress_fit_min); it would need " +
                needed + ". Shorten or split the step."
            );
        }
        watch(step);
        return result;
    }

    // fit again when something that changes the content's size arrives
    function watch(step) {
        if (!watched || watched.has(step)) {
            return;
        }
        watched.add(step);
        Array.prototype.forEach.call(step.querySelectorAll("img, video, object"), function (el) {
            if (el.tagName === "IMG" && el.complete) {
                return;
            }
            el.addEventListener("load", function () { fit(step); });
            el.addEventListener("loadedmetadata", function () { fit(step); });
        });
    }

    function steps() {
        return Array.prototype.slice.call(root.querySelectorAll(".step")).filter(fitted);
    }

    // ---- the steps waiting to be fitted, a few ms of each frame --------------------
    var queue = [];
    var scheduled = false;

    function later(list) {
        list.forEach(function (step) {
            if (!results[step.id] && queue.indexOf(step) < 0) {
                queue.push(step);
            }
        });
        if (queue.length && !scheduled) {
            scheduled = true;
            window.requestAnimationFrame(work);
        }
    }

    function work() {
        scheduled = false;
        var start = window.performance.now();
        while (queue.length && window.performance.now() - start < BUDGET_MS) {
            var step = queue.shift();
            if (!step.classList.contains(FAR)) {
                fit(step);
            }
        }
        if (queue.length) {
            scheduled = true;
            window.requestAnimationFrame(work);
        }
    }

    function drawn() {
        return steps().filter(function (step) { return !step.classList.contains(FAR); });
    }

    function refitFitted() {
        steps().forEach(function (step) {
            if (results[step.id]) {
                fit(step);
            }
        });
    }

    // a step that is not fitted: does its content stick out?
    function measure(step) {
        var body = bodyOf(step);
        if (!body) {
            return null;
        }
        var far = step.classList.contains(FAR);
        if (far) {
            step.classList.remove(FAR);
        }
        var ratio = Math.min(1, step.clientHeight / step.scrollHeight, body.clientWidth / body.scrollWidth);
        var overflow = !fits(step, body);
        if (far) {
            step.classList.add(FAR);
        }
        return { id: step.id, fit: false, factor: 1, needed: Math.floor(ratio * 1000) / 1000, overflow: overflow };
    }

    window.sphinxImpressFit = {
        all: function () {
            return Array.prototype.slice.call(root.querySelectorAll(".step")).filter(function (step) {
                return !step.classList.contains("impress-overview");
            }).map(function (step) {
                return fitted(step) ? fit(step) : measure(step);
            }).filter(function (result) { return result; });
        },
        step: function (element) {
            return fit(element);
        }
    };

    if (document.body.classList.contains("impress-print") ||
            /(^|[?&])print([=&]|$)/.test(window.location.search.replace(/^\?/, "&"))) {
        var printAll = function () {
            window.sphinxImpressFit.all();
            document.body.classList.add("impress-fitted");
        };
        window.addEventListener("load", function () {
            if (document.fonts && document.fonts.ready) {
                document.fonts.ready.then(printAll, printAll);
            } else {
                printAll();
            }
        });
        return;
    }

    document.addEventListener("impress:init", function (event) {
        if (event.target !== root) {
            return;
        }
        var active = root.querySelector(".step.active");
        if (active) {
            fit(active);
        }
        later(drawn());
        root.addEventListener("impress:stepleave", function (leave) {
            var next = leave.detail && leave.detail.next;
            if (next && !results[next.id]) {
                fit(next);
            }
        });
        // steps that impress-nearby.js starts to draw
        new window.MutationObserver(function (records) {
            var shown = [];
            records.forEach(function (record) {
                var step = record.target;
                if (fitted(step) && !step.classList.contains(FAR) &&
                        !results[step.id] && record.oldValue &&
                        (" " + record.oldValue + " ").indexOf(" " + FAR + " ") >= 0) {
                    shown.push(step);
                }
            });
            later(shown);
        }).observe(root, {
            attributes: true, attributeFilter: ["class"], attributeOldValue: true, subtree: true
        });
        if (document.fonts && document.fonts.ready) {
            document.fonts.ready.then(refitFitted);
        }
    });
}());
