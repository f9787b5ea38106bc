// Progressive enhancement of the public reports map (decision 0037): when
// the tenant configured a tile server, the server-drawn SVG map is replaced
// by a Leaflet map on that server's tiles, with the same reports (same
// filters) as markers, clustered per zoom level on a grid. Leaflet is served
// from our own origin; tiles come only from the configured server (the page's
// Content-Security-Policy allows no other). Without this script, or without
// a tile server, the SVG map and the list below it remain.
(function () {
  "use strict";
  var el = document.getElementById("tile-map");
  if (!el || !window.L) { return; }
  var d = el.dataset;
  var points, bounds;
  try {
    points = JSON.parse(d.points || "[]");
    bounds = (d.bounds || "").split(",").map(parseFloat);
  } catch (e) { return; }
  if (bounds.length !== 4 || bounds.some(isNaN)) { return; }
  // The same colours as the SVG map's markers.
  var colours = { "m-open": "#b3261e", "m-fixed": "#1b6e20", "m-closed": "#555555", "m-day": "#8a4b00", "m-night": "#2a2a7a" };
  function text(s) {
    var div = document.createElement("div");
    div.textContent = s;
    return div.innerHTML;
  }
  el.hidden = false;
  var svg = document.getElementById("reports-map");
  // (the hidden attribute does not hide an inline SVG element)
  if (svg) { svg.setAttribute("hidden", ""); svg.style.display = "none"; }
  // Leaflet's own zoom control has English titles; ours are translated.
  var map = L.map(el, { minZoom: 9, maxZoom: 19, zoomControl: false });
  L.control.zoom({ zoomInTitle: d.zoomIn, zoomOutTitle: d.zoomOut }).addTo(map);
  map.attributionControl.setPrefix(false);
  map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]]);
  L.tileLayer(d.tiles, { attribution: text(d.attribution || ""), maxZoom: 19 }).addTo(map);
  var layer = L.layerGroup().addTo(map);
  var CELL = 44;
  function draw() {
    layer.clearLayers();
    var z = map.getZoom();
    var groups = {};
    points.forEach(function (p) {
      var xy = map.project([p[0], p[1]], z);
      var key = Math.floor(xy.x / CELL) + ":" + Math.floor(xy.y / CELL);
      (groups[key] = groups[key] || []).push(p);
    });
    Object.keys(groups).forEach(function (k) {
      var g = groups[k];
      var lat = 0, lon = 0;
      g.forEach(function (p) { lat += p[0]; lon += p[1]; });
      lat /= g.length; lon /= g.length;
      if (g.length === 1) {
        L.circleMarker([lat, lon], {
          radius: 7, weight: 1.5, color: "#ffffff", fillOpacity: 1,
          fillColor: colours[g[0][2]] || "#555555", interactive: false
        }).addTo(layer);
      } else {
        var size = g.length < 10 ? 28 : (g.length < 100 ? 34 : 40);
        L.marker([lat, lon], {
          keyboard: false,
          icon: L.divIcon({ className: "tm-cluster", html: String(g.length), iconSize: [size, size] })
        }).on("click", function () { map.setView([lat, lon], Math.min(z + 2, 19)); }).addTo(layer);
      }
    });
  }
  map.on("zoomend", draw);
  draw();
})();
