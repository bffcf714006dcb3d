// Live updates for the Backorder Gateway dashboard: Server-Sent Events from /dashboard/live.
// Every text from the server goes in with textContent; page regions are refreshed from the
// server's own (escaped) HTML. No inline script: the Content-Security-Policy forbids it.
(function () {
  "use strict";

  var body = document.body;
  var region = document.getElementById("live-region");
  var state = document.getElementById("live-state");
  var activity = document.getElementById("activity");
  if (!region || !window.EventSource) {
    return;
  }
  var refreshTimer = null;
  var lastRefresh = 0;
  var seen = 0;
  // Changes often come in bursts (one event plans many deliveries): one refresh per burst, at most every 2 s.
  var REFRESH_GAP_MS = 2000;

  function setState(text, on) {
    state.textContent = text;
    state.classList.toggle("on", on);
  }

  function log(text) {
    var empty = activity.querySelector(".empty");
    if (empty) {
      empty.remove();
    }
    var item = document.createElement("li");
    var time = document.createElement("time");
    time.textContent = new Date().toLocaleTimeString();
    item.appendChild(time);
    item.appendChild(document.createTextNode(" " + text));
    activity.insertBefore(item, activity.firstChild);
    while (activity.children.length > 50) {
      activity.removeChild(activity.lastChild);
    }
    seen += 1;
    body.setAttribute("data-live-seen", String(seen));
  }

  // A user in the middle of a form (typing, ticking boxes) is not interrupted: they get a notice instead.
  function busy() {
    var active = document.activeElement;
    if (active && region.contains(active) && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName)) {
      return true;
    }
    return region.querySelector("input[type=checkbox]:checked") !== null
      || region.querySelector("details[open]") !== null;
  }

  function refresh() {
    refreshTimer = null;
    lastRefresh = Date.now();
    if (busy()) {
      showStale();
      return;
    }
    fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (response.redirected || !response.ok) {
          throw new Error("page not refreshed: " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        if (busy()) {
          showStale(); // the user started on a form while the page was fetched
          return;
        }
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("live-region");
        if (fresh) {
          region.replaceChildren.apply(region, Array.prototype.map.call(fresh.childNodes, function (node) {
            return document.importNode(node, true);
          }));
          body.setAttribute("data-refreshed", String(Date.now()));
        }
      })
      .catch(function () {
        showStale();
      });
  }

  function showStale() {
    if (document.getElementById("stale")) {
      return;
    }
    var notice = document.createElement("p");
    notice.id = "stale";
    notice.className = "stale";
    notice.setAttribute("role", "status");
    notice.appendChild(document.createTextNode("There are newer changes. "));
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = "Show them";
    button.addEventListener("click", function () {
      window.location.reload();
    });
    notice.appendChild(button);
    region.parentNode.insertBefore(notice, region);
  }

  function scheduleRefresh() {
    if (refreshTimer === null) {
      refreshTimer = window.setTimeout(refresh, Math.max(500, lastRefresh + REFRESH_GAP_MS - Date.now()));
    }
  }

  // The status badge of a delivery shown on this page changes at once; the refresh brings the rest.
  function showDelivery(change) {
    var shown = document.querySelectorAll("[data-delivery-id]");
    Array.prototype.forEach.call(shown, function (element) {
      if (element.getAttribute("data-delivery-id") !== change.id) {
        return;
      }
      var status = element.querySelector("[data-status]");
      if (status) {
        status.textContent = change.status;
        status.className = "status " + change.statusClass;
      }
      var attempts = element.querySelector("[data-attempts]");
      if (attempts) {
        attempts.textContent = String(change.attempts);
      }
    });
  }

  var url = "/dashboard/live?after=" + encodeURIComponent(body.getAttribute("data-cursor") || "");
  if (body.getAttribute("data-sku")) {
    url += "&sku=" + encodeURIComponent(body.getAttribute("data-sku"));
  }
  var source = new EventSource(url);
  source.addEventListener("open", function () {
    setState("Live", true);
  });
  source.addEventListener("error", function () {
    if (source.readyState === EventSource.CLOSED) {
      setState("Live updates stopped: reload the page", false);
    } else {
      setState("Reconnecting…", false);
    }
  });
  source.addEventListener("event", function (message) {
    var e = JSON.parse(message.data);
    log((e.trigger ? e.trigger + ": " : "") + e.kind + (e.skus && e.skus.length ? " for " + e.skus.join(", ") : "")
      + (e.change && e.change !== "unspecified" ? ", case " + e.change : ""));
    scheduleRefresh();
  });
  source.addEventListener("delivery", function (message) {
    var d = JSON.parse(message.data);
    log(d.connector + ": delivery " + d.id + " " + d.status + (d.attempts ? " (attempts " + d.attempts + ")" : ""));
    showDelivery(d);
    scheduleRefresh();
  });
  source.addEventListener("refused", function () {
    source.close();
    setState("Live updates stopped: reload the page", false);
  });
}());
