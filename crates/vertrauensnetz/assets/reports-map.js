// Progressive enhancement of the reporting form: a click (or tap) on the
// server-drawn map sets the pin and fills the coordinate fields. Without
// this script the address, district and coordinate fields work alone.
(function () {
  "use strict";
  var svg = document.getElementById("pick-map");
  var lat = document.getElementById("lat");
  var lon = document.getElementById("lon");
  if (!svg || !lat || !lon) { return; }
  var d = svg.dataset;
  var minLon = parseFloat(d.minLon), maxLat = parseFloat(d.maxLat);
  var sx = parseFloat(d.sx), sy = parseFloat(d.sy), ox = parseFloat(d.ox), oy = parseFloat(d.oy);
  var ns = "http://www.w3.org/2000/svg";
  svg.classList.add("clickable");
  svg.addEventListener("click", function (e) {
    var pt = svg.createSVGPoint();
    pt.x = e.clientX; pt.y = e.clientY;
    var p = pt.matrixTransform(svg.getScreenCTM().inverse());
    var la = maxLat - (p.y - oy) / sy;
    var lo = minLon + (p.x - ox) / sx;
    lat.value = la.toFixed(6);
    lon.value = lo.toFixed(6);
    var pin = document.getElementById("pick-map-pin");
    if (!pin) {
      pin = document.createElementNS(ns, "circle");
      pin.setAttribute("id", "pick-map-pin");
      pin.setAttribute("class", "pin");
      pin.setAttribute("r", "7");
      svg.appendChild(pin);
    }
    pin.setAttribute("cx", p.x.toFixed(1));
    pin.setAttribute("cy", p.y.toFixed(1));
  });
})();
