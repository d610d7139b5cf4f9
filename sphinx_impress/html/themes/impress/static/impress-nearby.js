/* sphinx-impress: draw only the steps near the camera in a big deck.
 *
 * A browser composites every step of a deck during a transition, drawn or not, so a
 * deck of a thousand steps moves in jerks. In a deck of more than MIN_STEPS steps this
 * script gives every step far from the view the class "impress-far", which the theme
 * hides (impress-theme.css, last block). It runs once impress.js fires impress:init,
 * reads the numbers the builder wrote on every step (data-x, data-y, data-z,
 * data-scale, px) and the step size on the root (data-width, data-height, px), and:
 *
 * - at a step, shows the steps whose centre is within NEAR_FACTOR half diagonals of
 *   the view of that step (a half diagonal times the step's scale), plus the steps
 *   just before and after it in the presentation;
 * - when impress.js moves to another step (its "active" class changes, which also
 *   catches a goto that interrupts a transition), first shows, in addition, the
 *   steps near the straight path from the step it came from to the new one, so that
 *   nothing on the way pops in; on impress:stepenter it keeps only those near the
 *   step it arrived at;
 * - shows every step while an overview step (class "impress-overview") is the one
 *   left or entered.
 *
 * Nothing changes without JavaScript, in a deck of MIN_STEPS steps or fewer, or in
 * print (the theme's rule applies to the screen only). */
(function () {
    "use strict";

    var MIN_STEPS = 50;
    var NEAR_FACTOR = 3;
    var FAR = "impress-far";
    var OVERVIEW = "impress-overview";

    function number(element, name, fallback) {
        var value = parseFloat(element.getAttribute(name));
        return isFinite(value) ? value : fallback;
    }

    function start(root) {
        var steps = Array.prototype.slice.call(root.querySelectorAll(".step"));
        if (steps.length <= MIN_STEPS) {
            return;
        }
        var halfDiagonal = Math.sqrt(
            Math.pow(number(root, "data-width", 1920), 2) +
            Math.pow(number(root, "data-height", 1080), 2)
        ) / 2;
        var places = steps.map(function (step) {
            var scale = number(step, "data-scale", 1);
            return {
                x: number(step, "data-x", 0),
                y: number(step, "data-y", 0),
                z: number(step, "data-z", 0),
                radius: halfDiagonal * scale,
                overview: step.classList.contains(OVERVIEW)
            };
        });
        var shown = steps.map(function () { return true; });
        var current = steps.indexOf(root.querySelector(".step.active"));

        // distance from place p to the segment from place a to place b
        function distance(p, a, b) {
            var dx = b.x - a.x, dy = b.y - a.y, dz = b.z - a.z;
            var length = dx * dx + dy * dy + dz * dz;
            var t = length ? ((p.x - a.x) * dx + (p.y - a.y) * dy + (p.z - a.z) * dz) / length : 0;
            t = Math.max(0, Math.min(1, t));
            var ex = p.x - (a.x + t * dx), ey = p.y - (a.y + t * dy), ez = p.z - (a.z + t * dz);
            return Math.sqrt(ex * ex + ey * ey + ez * ez);
        }

        // which steps are near the way from step `from` to step `to` (the same
        // step for a view at rest)
        function near(from, to) {
            var a = places[from], b = places[to];
            if (a.overview || b.overview) {
                return steps.map(function () { return true; });
            }
            var reach = NEAR_FACTOR * Math.max(a.radius, b.radius);
            return places.map(function (p, index) {
                return Math.abs(index - from) <= 1 || Math.abs(index - to) <= 1 ||
                    distance(p, a, b) <= reach + p.radius;
            });
        }

        function show(wanted, keep) {
            steps.forEach(function (step, index) {
                var visible = wanted[index] || (keep && shown[index]);
                if (visible !== shown[index]) {
                    step.classList.toggle(FAR, !visible);
                    shown[index] = visible;
                }
            });
        }

        if (current < 0) {
            current = 0;
        }
        show(near(current, current), false);

        // impress.js moves the "active" class as soon as it starts a transition
        new MutationObserver(function () {
            var active = steps.indexOf(root.querySelector(".step.active"));
            if (active >= 0 && active !== current) {
                show(near(current, active), true);
                current = active;
            }
        }).observe(root, { attributes: true, attributeFilter: ["class"], subtree: true });

        root.addEventListener("impress:stepenter", function (event) {
            var entered = steps.indexOf(event.target);
            if (entered >= 0 && entered === current) {
                show(near(entered, entered), false);
            }
        });
    }

    document.addEventListener("impress:init", function (event) {
        start(event.target);
    });
}());
