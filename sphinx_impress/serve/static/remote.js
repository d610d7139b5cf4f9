/* sphinx-impress present: the remote, for a phone held in one hand.
 *
 * Shows the notes of the presenter's step (scrollable), a preview of the next step,
 * the time since the talk started and the clock; "next" and "previous" are the big
 * buttons at the bottom, a swipe on the page, or the keyboard. The server carries out
 * the move on the projector and every following page, and tells the remote where the
 * presenter is. The connection is opened again after it drops.
 */
(function () {
    "use strict";
    var token = new URLSearchParams(window.location.search).get("token") || "";
    var query = "token=" + encodeURIComponent(token);
    var $ = function (id) {
        return document.getElementById("impress-remote-" + id);
    };
    var deck = null; // {doc, url, title, steps: [{id, title, notes, skip, goto, gotoNext, gotoPrev}]}
    var state = null;
    var socket = null;
    var delay = 250;

    // ---- time --------------------------------------------------------------------------
    var started = Date.now();
    var two = function (n) {
        return (n < 10 ? "0" : "") + n;
    };
    var tick = function () {
        var seconds = Math.floor((Date.now() - started) / 1000);
        var hours = Math.floor(seconds / 3600);
        $("timer").textContent = (hours ? hours + ":" : "") + two(Math.floor(seconds / 60) % 60) +
            ":" + two(seconds % 60);
        var now = new Date();
        $("clock").textContent = two(now.getHours()) + ":" + two(now.getMinutes());
    };
    $("timer").addEventListener("click", function () {
        started = Date.now();
        tick();
    });
    window.setInterval(tick, 1000);
    tick();

    // ---- keep the screen on, where the browser allows it ----------------------------
    var wakeLock = null;
    var keepAwake = function () {
        if (!("wakeLock" in navigator) || (wakeLock && !wakeLock.released) ||
                document.visibilityState !== "visible") {
            return;
        }
        navigator.wakeLock.request("screen").then(function (lock) {
            wakeLock = lock;
            $("hint").hidden = true;
        }, function () {
            wakeLock = null;
        });
    };
    if (!("wakeLock" in navigator)) {
        $("hint").textContent = "This browser may let the screen sleep: turn auto-lock off for the talk.";
        $("hint").hidden = false;
    }
    document.addEventListener("visibilitychange", keepAwake);
    document.addEventListener("click", keepAwake);
    keepAwake();

    // ---- the deck --------------------------------------------------------------------
    var stepIndex = function (id) {
        if (!deck) {
            return -1;
        }
        for (var i = 0; i < deck.steps.length; i++) {
            if (deck.steps[i].id === id) {
                return i;
            }
        }
        return -1;
    };
    // the step "next" leads to: the goto plugin's attributes, else the next step that
    // is not skipped, the first after the last (as impress.js goes)
    var nextOf = function (index) {
        var steps = deck.steps;
        var step = steps[index];
        var jump = step.gotoNext || step.goto;
        if (jump && stepIndex(jump) >= 0) {
            return stepIndex(jump);
        }
        for (var offset = 1; offset <= steps.length; offset++) {
            var candidate = (index + offset) % steps.length;
            if (!steps[candidate].skip) {
                return candidate;
            }
        }
        return index;
    };
    // notes come from the deck's page: make their addresses absolute
    var absolute = function (container) {
        var base = new URL(deck.url, window.location.href);
        ["src", "href"].forEach(function (name) {
            Array.prototype.forEach.call(container.querySelectorAll("[" + name + "]"), function (el) {
                var value = el.getAttribute(name);
                if (value && value.charAt(0) !== "#") {
                    el.setAttribute(name, new URL(value, base).href);
                }
            });
        });
    };
    var previewStep = null;
    var showPreview = function (id) {
        var frame = $("preview");
        if (!id) {
            frame.removeAttribute("src");
            previewStep = null;
            return;
        }
        var wanted = deck.url + "?impress-live-preview#/" + encodeURIComponent(id);
        if (!frame.getAttribute("src") || frame.dataset.deck !== deck.url + deck.version) {
            frame.dataset.deck = deck.url + deck.version;
            frame.setAttribute("src", wanted);
        } else if (previewStep !== id && frame.contentWindow) {
            frame.contentWindow.postMessage({ type: "impress-live-preview", step: id },
                window.location.origin);
        }
        previewStep = id;
    };
    var render = function () {
        if (!deck || !deck.steps.length) {
            $("title").textContent = deck ? "This document has no steps" : "";
            $("notes").textContent = "";
            $("count").textContent = "–";
            showPreview(null);
            return;
        }
        var id = state && state.position && state.position.doc === deck.doc ? state.position.step : null;
        var index = id === null ? 0 : stepIndex(id);
        if (index < 0) {
            index = 0;
        }
        var step = deck.steps[index];
        $("count").textContent = (index + 1) + " / " + deck.steps.length;
        $("title").textContent = step.title || step.id;
        var notes = $("notes");
        if (notes.dataset.step !== step.id || notes.dataset.version !== String(deck.version)) {
            notes.dataset.step = step.id;
            notes.dataset.version = String(deck.version);
            if (step.notes) {
                notes.innerHTML = step.notes;
                absolute(notes);
                notes.classList.remove("impress-remote-empty");
            } else {
                notes.textContent = "No notes for this step.";
                notes.classList.add("impress-remote-empty");
            }
            notes.scrollTop = 0;
        }
        var next = deck.steps[nextOf(index)];
        $("next-title").textContent = next.title || next.id;
        showPreview(next.id);
    };
    var version = 0;
    var loadDeck = function (doc) {
        var address = "deck?" + query + (doc ? "&doc=" + encodeURIComponent(doc) : "");
        return window.fetch(address, { cache: "no-store" }).then(function (response) {
            if (!response.ok) {
                throw new Error(response.status + " " + response.statusText);
            }
            return response.json();
        }).then(function (data) {
            version += 1;
            data.version = version;
            deck = data;
            document.title = "Remote: " + (deck.title || deck.doc);
            render();
        });
    };

    // ---- the connection ----------------------------------------------------------------
    var link = function (text, ok) {
        $("link").textContent = text;
        $("link").classList.toggle("impress-remote-offline", !ok);
    };
    var send = function (message) {
        if (socket && socket.readyState === 1) {
            socket.send(JSON.stringify(message));
            return true;
        }
        link("offline: not sent", false);
        return false;
    };
    var receive = function (message) {
        if (message.type !== "state") {
            return;
        }
        state = message;
        link(message.leading ? "projector connected" : "no projector page open",
            message.leading > 0);
        if (message.deck || !deck || deck.doc !== message.doc) {
            loadDeck(message.doc).catch(function (error) {
                link("cannot load the deck: " + error.message, false);
            });
        } else {
            render();
        }
    };
    var connect = function () {
        var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
        socket = new WebSocket(scheme + window.location.host + "/_present/remote/ws?" + query);
        socket.onopen = function () {
            delay = 250;
        };
        socket.onmessage = function (event) {
            try {
                receive(JSON.parse(event.data));
            } catch (error) {
                // a message from another version of the server: ignored
            }
        };
        socket.onclose = function () {
            socket = null;
            link("connection lost: trying again…", false);
            window.setTimeout(connect, delay);
            delay = Math.min(delay * 2, 4000);
        };
    };

    // ---- moving ------------------------------------------------------------------------
    var go = function (direction) {
        send({ type: direction });
        if (navigator.vibrate) {
            navigator.vibrate(15);
        }
    };
    $("next").addEventListener("click", function () { go("next"); });
    $("prev").addEventListener("click", function () { go("prev"); });
    document.addEventListener("keydown", function (event) {
        if (event.ctrlKey || event.altKey || event.metaKey) {
            return;
        }
        var key = event.key;
        if (key === "ArrowRight" || key === "ArrowDown" || key === "PageDown" || key === " ") {
            go("next");
        } else if (key === "ArrowLeft" || key === "ArrowUp" || key === "PageUp") {
            go("prev");
        } else {
            return;
        }
        event.preventDefault();
    });
    // a horizontal swipe: to the left is "next", to the right "previous"
    var touch = null;
    document.addEventListener("touchstart", function (event) {
        var t = event.changedTouches[0];
        touch = { x: t.clientX, y: t.clientY, time: Date.now() };
    }, { passive: true });
    document.addEventListener("touchend", function (event) {
        if (!touch) {
            return;
        }
        var t = event.changedTouches[0];
        var dx = t.clientX - touch.x;
        var dy = t.clientY - touch.y;
        var quick = Date.now() - touch.time < 800;
        touch = null;
        if (quick && Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) {
            go(dx < 0 ? "next" : "prev");
        }
    }, { passive: true });

    connect();
}());
