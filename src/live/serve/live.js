// buddysite live preview: injected by `buddysite serve --watch` only, never into built sites.
(function () {
  "use strict";
  var OVERLAY_ID = "buddysite-error-overlay";
  var failed = false;

  function currentPath() {
    var p = decodeURIComponent(location.pathname).replace(/^\/+/, "");
    if (p === "" || p.slice(-1) === "/") p += "index.html";
    return p;
  }

  function showOverlay(problems, words) {
    var box = document.getElementById(OVERLAY_ID);
    if (!box) {
      box = document.createElement("div");
      box.id = OVERLAY_ID;
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "background:rgba(20,20,20,.94);color:#fff;font:16px/1.5 ui-monospace,monospace;padding:24px";
      document.body.appendChild(box);
    }
    box.textContent = "";
    var title = document.createElement("h2");
    title.textContent = words.title || "buddysite: the site could not be rebuilt";
    title.style.cssText = "color:#ffb4b4;font-size:20px;margin:0 0 12px";
    box.appendChild(title);
    var note = document.createElement("p");
    note.textContent = words.note || "You are looking at the last good version. Fix the problem below and save; this page updates by itself.";
    box.appendChild(note);
    problems.forEach(function (d) {
      var item = document.createElement("pre");
      item.className = "buddysite-diagnostic";
      item.style.cssText = "white-space:pre-wrap;border-left:4px solid #ff6b6b;padding:8px 12px;margin:12px 0;background:#000";
      item.textContent = d.text;
      item.setAttribute("data-file", d.file);
      item.setAttribute("data-line", String(d.line));
      item.setAttribute("data-column", String(d.column));
      box.appendChild(item);
    });
  }

  function hideOverlay() {
    var box = document.getElementById(OVERLAY_ID);
    if (box) box.parentNode.removeChild(box);
  }

  function swapStylesheets(changed) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href, location.href);
      var path = decodeURIComponent(url.pathname).replace(/^\/+/, "");
      if (changed.indexOf(path) !== -1) {
        url.searchParams.set("buddysite", String(Date.now()));
        link.href = url.toString();
      }
    });
  }

  // The generation of the site this page was read at (see hub.rs): a page that started
  // listening just after a rebuild missed its event, and learns it from the first one.
  var me = document.currentScript;
  var served = me ? Number(me.getAttribute("data-generation")) : NaN;

  function reload() {
    failed = false;
    hideOverlay();
    location.reload();
  }

  function handle(name, data) {
    var generation = typeof data.generation === "number" && !isNaN(served) ? data.generation : null;
    if (name === "failed") {
      failed = true;
      showOverlay(data.problems || [], data);
    } else if (name === "ok") {
      if (failed || (generation !== null && generation > served)) reload();
    } else if (name === "changed") {
      // After a failure, on a gap in the stream, or when events were missed: reload.
      if (failed || data.all || (generation !== null && generation > served + 1)) return reload();
      var changed = data.paths || [];
      var here = currentPath();
      var css = changed.filter(function (p) { return /\.css$/.test(p); });
      var other = changed.filter(function (p) { return !/\.(css|html)$/.test(p); });
      if (changed.indexOf(here) !== -1 || other.length > 0) return reload();
      if (css.length > 0) swapStylesheets(css);
      if (generation !== null) served = generation; // this page is as new as it needs to be
    }
  }

  // Browsers open at most six HTTP/1.1 connections to one host, and an event stream holds
  // one for as long as its tab is open: with a stream per tab, the seventh tab would wait
  // for ever. So the tabs of one browser share one stream: the tab holding the lock listens
  // and passes every event on to the others over a BroadcastChannel. When it closes, the
  // next tab takes over. Where that is not available (Web Locks need a secure context,
  // which http://localhost is and a network address is not), each tab listens on its own.
  var shared = "BroadcastChannel" in window && navigator.locks ? new BroadcastChannel("buddysite-live") : null;
  var state = { name: "ok", data: {} };

  function remember(name, data) {
    var generation = typeof data.generation === "number" ? data.generation : state.data.generation;
    if (name === "failed") state = { name: "failed", data: data };
    else state = { name: "ok", data: { generation: generation } };
  }

  function listen() {
    var source = new EventSource("/__buddysite/events");
    ["ok", "failed", "changed"].forEach(function (name) {
      source.addEventListener(name, function (e) {
        var data = JSON.parse(e.data);
        remember(name, data);
        if (shared) shared.postMessage({ name: name, data: data });
        handle(name, data);
      });
    });
    return source;
  }

  if (shared) {
    var leading = false;
    shared.onmessage = function (e) {
      if (e.data && e.data.hello) {
        // A tab that just opened asks how the site is: the leader knows.
        if (leading) shared.postMessage(state);
      } else if (e.data && !leading) {
        handle(e.data.name, e.data.data);
      }
    };
    navigator.locks.request("buddysite-live", function () {
      leading = true;
      listen();
      return new Promise(function () {}); // held until this tab closes
    });
    shared.postMessage({ hello: true });
  } else {
    listen();
  }
})();
