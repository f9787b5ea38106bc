// Live control-centre board: polls the board's JSON on the same origin
// every 10 seconds and updates the open incidents and unit states in place.
// Without JavaScript the page works the same; the "refresh" link reloads.
(function () {
  "use strict";
  var incidents = document.getElementById("incidents-body");
  var units = document.getElementById("units-body");
  var updated = document.getElementById("board-updated");
  if (!incidents || !units || !window.fetch) { return; }
  var base = window.location.pathname.replace(/\/$/, "");
  var url = base + "/board.json";
  var label = updated ? updated.textContent.replace(/[0-9:]+\s*$/, "") : "";

  function cell(row, text, href) {
    var td = document.createElement("td");
    if (href) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      td.appendChild(a);
    } else {
      td.textContent = text;
    }
    row.appendChild(td);
  }

  function render(board) {
    var body = document.createElement("tbody");
    body.id = "incidents-body";
    board.incidents.forEach(function (i) {
      var tr = document.createElement("tr");
      cell(tr, i.reference, base + "/" + i.id);
      cell(tr, String(i.priority));
      cell(tr, i.kind);
      cell(tr, i.place);
      cell(tr, i.since);
      cell(tr, i.units);
      cell(tr, i.suggested);
      body.appendChild(tr);
    });
    incidents.replaceWith(body);
    incidents = body;
    board.units.forEach(function (u) {
      var row = units.querySelector('tr[data-unit="' + u.id + '"]');
      if (!row) { return; }
      var s = row.querySelector(".unit-status");
      var t = row.querySelector(".unit-since");
      if (s) { s.textContent = u.status + " – " + u.status_label; }
      if (t) { t.textContent = u.since; }
    });
    if (updated) { updated.textContent = label + board.updated; }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (b) { if (b) { render(b); } })
      .catch(function () {});
  }
  window.setInterval(poll, 10000);
})();
