/* sphinx-impress present: the live script, added by the present server to every
 * presentation page it serves (never written into the built files).
 *
 * - Keeps a WebSocket to the server, and opens it again after a dropped connection;
 *   the page presents on its own whatever happens to the server.
 * - "update" (only this page's own HTML changed): when the new page differs from the
 *   one loaded only inside steps, those steps' content is replaced in place (step,
 *   substeps and everything else stay as they are); otherwise, and on "reload" (a style
 *   sheet, script or image changed), the page reloads at the step it shows (the address
 *   keeps the step), with the substeps it showed, and opens the presenter console again
 *   if it was open. When that step is gone (its title, so its id, changed), the page
 *   stays at the same place in the deck: the step with the same index.
 * - "status": the last build's warnings and errors for this page, shown in a panel over
 *   the page (with their source location) while the page shows the last good build.
 * - With a remote: "goto" moves the page where the presenter is; a leading page (on
 *   the presenter's machine) reports where it goes and carries out the remote's
 *   "next" and "previous".
 * - In the presenter console's views and in the remote's preview (frames), none of
 *   this: the console and the remote drive them.
 */
(function () {
    "use strict";
    var script = document.currentScript;
    var remote = script && script.getAttribute("data-remote") === "1";
    var params = new URLSearchParams(window.location.search);
    var root = document.getElementById("impress");
    var storageKey = "impress-live:" + window.location.pathname;

    var api = function () {
        return typeof window.impress === "function" && root ? window.impress() : null;
    };
    var activeStep = function () {
        return root ? root.querySelector(".step.active") : null;
    };
    var allSteps = function () {
        return root ? Array.prototype.slice.call(root.querySelectorAll(".step")) : [];
    };
    var shownSubsteps = function (step) {
        return step ? step.querySelectorAll(".substep.substep-visible").length : 0;
    };
    // show the first `count` substeps of `step`, as impress.js's substep plugin marks them
    var showSubsteps = function (step, count) {
        if (!step) {
            return;
        }
        var substeps = step.querySelectorAll(".substep");
        Array.prototype.forEach.call(substeps, function (el, index) {
            el.classList.toggle("substep-visible", index < count);
            el.classList.toggle("substep-active", index === count - 1);
        });
    };

    // ---- the remote's preview of the next step -------------------------------------
    if (params.has("impress-live-preview")) {
        document.documentElement.classList.add("impress-live-preview");
        // the start-up script gives the active step the focus: in a frame, that would
        // take the keyboard from the remote around it
        HTMLElement.prototype.focus = function () {};
        if (root) {
            root.setAttribute("data-transition-duration", "0");
            Array.prototype.forEach.call(root.querySelectorAll(".step"), function (el) {
                el.setAttribute("data-transition-duration", "0");
            });
        }
        window.addEventListener("message", function (event) {
            var data = event.data || {};
            if (event.origin !== window.location.origin || data.type !== "impress-live-preview") {
                return;
            }
            var target = document.getElementById(data.step);
            var presentation = api();
            if (target && presentation && target !== activeStep()) {
                presentation.goto(target, 0);
            }
        });
        return;
    }
    if (window.parent !== window) {
        return; // a view of the presenter console: the console drives it
    }

    // ---- state kept over a reload ----------------------------------------------------
    var saved = null;
    try {
        saved = JSON.parse(window.sessionStorage.getItem(storageKey) || "null");
        window.sessionStorage.removeItem(storageKey);
    } catch (error) {
        saved = null;
    }
    if (saved) {
        // a reload for a rebuild: the key help that impress.js shows at the start for
        // 7 seconds was not asked for
        document.addEventListener("impress:init", function () {
            var help = document.getElementById("impress-help");
            if (help) {
                help.style.display = "none";
            }
        });
    }
    var consoleWindow = null;
    var openWindow = window.open;
    window.open = function (url, name) {
        var opened = openWindow.apply(window, arguments);
        // sphinx-impress's presenter console (impress-init.js), or impress.js's own
        if (name === "sphinx-impress-console" || name === "impressConsole") {
            consoleWindow = opened;
        }
        return opened;
    };
    var restoreOnce = function () {
        if (!saved) {
            return;
        }
        var step = activeStep();
        var shown = saved.step ? document.getElementById(saved.step) : null;
        if (step && step.id === saved.step && saved.substep) {
            showSubsteps(step, saved.substep);
        } else if (saved.step && !(shown && shown.classList.contains("step")) &&
                typeof saved.index === "number" && saved.index >= 0) {
            // the step shown is gone (a new title gave it a new id): the same place
            var steps = allSteps();
            var same = steps[Math.min(saved.index, steps.length - 1)];
            if (same && same !== step && api()) {
                api().goto(same, 0);
            }
        }
        if (saved.console && root) {
            var event = document.createEvent("CustomEvent");
            event.initCustomEvent("impress:console:open", true, true, {});
            root.dispatchEvent(event);
        }
        saved = null;
    };

    // ---- updating in place ----------------------------------------------------------
    // The page as it was loaded, before impress.js started (this script runs just
    // before the start-up script, the last of the page): what a new version is compared
    // with. Everything but the steps' content must be the same to update it.
    var attributesOf = function (el) {
        return Array.prototype.map.call(el.attributes, function (a) {
            return a.name + "=" + a.value;
        }).sort().join("\n");
    };
    var signature = function (doc) {
        var impressRoot = doc.getElementById("impress");
        if (!impressRoot) {
            return null;
        }
        // the body up to this script; the root element without its steps' content
        var before = [];
        for (var node = doc.body.firstElementChild; node; node = node.nextElementSibling) {
            if (node.tagName === "SCRIPT" && /\/_present\/live\.js$/.test(node.getAttribute("src") || "")) {
                break;
            }
            before.push(node === impressRoot ? "#impress" : node.outerHTML);
        }
        var steps = Array.prototype.map.call(impressRoot.querySelectorAll(".step"), function (el) {
            return { id: el.id, attributes: attributesOf(el), html: el.innerHTML };
        });
        var outline = impressRoot.cloneNode(true);
        Array.prototype.forEach.call(outline.querySelectorAll(".step"), function (el) {
            el.innerHTML = "";
        });
        return {
            head: doc.head ? doc.head.innerHTML : "",
            body: attributesOf(doc.body) + "\n" + before.join("\n"),
            outline: outline.outerHTML,
            steps: steps
        };
    };
    var loaded = signature(document);
    var update = function () {
        if (!loaded || (consoleWindow && !consoleWindow.closed)) {
            reload(); // the presenter console keeps copies of the steps: start it again
            return;
        }
        window.fetch(window.location.pathname + window.location.search, { cache: "no-store" })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.text();
            }).then(function (text) {
                var fresh = signature(new DOMParser().parseFromString(text, "text/html"));
                if (!fresh || fresh.head !== loaded.head || fresh.body !== loaded.body ||
                        fresh.outline !== loaded.outline || fresh.steps.length !== loaded.steps.length) {
                    reload();
                    return;
                }
                var changed = [];
                for (var i = 0; i < fresh.steps.length; i++) {
                    var was = loaded.steps[i];
                    var now = fresh.steps[i];
                    if (now.id !== was.id || now.attributes !== was.attributes ||
                            (now.html !== was.html && /<script/i.test(now.html))) {
                        reload();
                        return;
                    }
                    if (now.html !== was.html) {
                        changed.push(now);
                    }
                }
                var active = activeStep();
                var shown = shownSubsteps(active);
                changed.forEach(function (step) {
                    var el = document.getElementById(step.id);
                    el.innerHTML = step.html;
                    if (el === active) {
                        showSubsteps(el, shown);
                    }
                });
                loaded = fresh;
                if (changed.length && window.MathJax && window.MathJax.typesetPromise) {
                    window.MathJax.typesetPromise(changed.map(function (step) {
                        return document.getElementById(step.id);
                    }));
                }
            })["catch"](reload);
    };

    // ---- the overlay -------------------------------------------------------------------
    var panel = null;
    var dismissed = "";
    var showProblems = function (status) {
        var problems = status.problems || [];
        var key = JSON.stringify(problems);
        if (panel) {
            panel.remove();
            panel = null;
        }
        if (!problems.length || key === dismissed) {
            return;
        }
        panel = document.createElement("div");
        panel.className = "impress-live-problems" + (status.ok ? "" : " impress-live-failed");
        panel.setAttribute("role", "alert");
        var head = document.createElement("div");
        head.className = "impress-live-head";
        var errors = problems.filter(function (p) { return p.level !== "WARNING"; }).length;
        head.textContent = (status.ok ? "" : "The build failed: this is the last good build. ") +
            (errors ? errors + (errors === 1 ? " error" : " errors") : "") +
            (errors && problems.length > errors ? ", " : "") +
            (problems.length > errors ? (problems.length - errors) +
                (problems.length - errors === 1 ? " warning" : " warnings") : "");
        var close = document.createElement("button");
        close.type = "button";
        close.className = "impress-live-close";
        close.setAttribute("aria-label", "Hide");
        close.textContent = "\u00d7";
        close.addEventListener("click", function () {
            dismissed = key;
            panel.remove();
            panel = null;
        });
        head.appendChild(close);
        panel.appendChild(head);
        var list = document.createElement("ul");
        problems.forEach(function (problem) {
            var item = document.createElement("li");
            item.className = "impress-live-" + problem.level.toLowerCase();
            if (problem.location) {
                var where = document.createElement("code");
                where.className = "impress-live-location";
                where.textContent = problem.location;
                item.appendChild(where);
                item.appendChild(document.createTextNode(" "));
            }
            var what = document.createElement("span");
            what.className = "impress-live-message";
            what.textContent = problem.level + ": " + problem.message;
            item.appendChild(what);
            list.appendChild(item);
        });
        panel.appendChild(list);
        document.body.appendChild(panel);
    };

    // ---- the connection ----------------------------------------------------------------
    var socket = null;
    var leads = false;
    var delay = 250;
    var send = function (message) {
        if (socket && socket.readyState === 1) {
            socket.send(JSON.stringify(message));
        }
    };
    var reportPosition = function () {
        var step = activeStep();
        if (remote && leads && step) {
            send({ type: "at", step: step.id, substep: shownSubsteps(step) });
        }
    };
    var following = null; // the position a "goto" asked for, until the page is there
    var follow = function (message) {
        var presentation = api();
        var step = activeStep();
        var target = document.getElementById(message.step);
        if (!presentation || !target) {
            return;
        }
        if (step === target) {
            showSubsteps(target, message.substep || 0);
            return;
        }
        following = message;
        presentation.goto(target);
    };
    var reload = function () {
        var step = activeStep();
        try {
            window.sessionStorage.setItem(storageKey, JSON.stringify({
                step: step ? step.id : null,
                index: step ? allSteps().indexOf(step) : -1,
                substep: shownSubsteps(step),
                console: !!(consoleWindow && !consoleWindow.closed)
            }));
        } catch (error) {
            // no session storage: the page still reloads at its step (the address)
        }
        window.location.reload();
    };
    var receive = function (message) {
        if (message.type === "hello") {
            leads = !!message.leads;
            reportPosition();
        } else if (message.type === "status") {
            showProblems(message);
        } else if (message.type === "reload") {
            reload();
        } else if (message.type === "update") {
            update();
        } else if (message.type === "goto") {
            follow(message);
        } else if (message.type === "command" && api()) {
            if (message.action === "next") {
                api().next();
            } else if (message.action === "prev") {
                api().prev();
            }
        }
    };
    var connect = function () {
        var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
        try {
            socket = new WebSocket(scheme + window.location.host + "/_present/ws");
        } catch (error) {
            window.setTimeout(connect, delay);
            return;
        }
        socket.onopen = function () {
            delay = 250;
            send({ type: "hello", page: window.location.pathname });
        };
        socket.onmessage = function (event) {
            var message = null;
            try {
                message = JSON.parse(event.data);
            } catch (error) {
                return;
            }
            receive(message);
        };
        socket.onclose = function () {
            socket = null;
            window.setTimeout(connect, delay);
            delay = Math.min(delay * 2, 4000);
        };
    };

    if (root) {
        root.addEventListener("impress:stepenter", function (event) {
            // after impress.js's substep plugin, which hides a step's substeps on entering
            window.setTimeout(function () {
                restoreOnce();
                if (following && event.target.id === following.step) {
                    showSubsteps(event.target, following.substep || 0);
                    following = null;
                }
                reportPosition();
            }, 0);
        });
        root.addEventListener("impress:substep:enter", reportPosition);
        root.addEventListener("impress:substep:leave", reportPosition);
    }
    connect();
}());
