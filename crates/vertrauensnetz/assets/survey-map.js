// Progressive enhancement of a survey's map question: the server-drawn map
// is shown, and a click (or tap) on it sets a pin and fills the question's
// coordinate fields. Without this script the district, place and time of
// day fields (and the optional coordinates) work alone. No request is made.
(function () {
  "use strict";
  var ns = "http://www.w3.org/2000/svg";
  document.querySelectorAll("figure.survey-map").forEach(function (fig) {
    var field = fig.dataset.field;
    var svg = fig.querySelector("svg");
    var lat = document.getElementById(field + "-lat");
    var lon = document.getElementById(field + "-lon");
    if (!svg || !lat || !lon) { return; }
    var d = svg.dataset;
    var minLon = parseFloat(d.minLon), maxLat = parseFloat(d.maxLat);
    var sx = parseFloat(d.sx), sy = parseFloat(d.sy), ox = parseFloat(d.ox), oy = parseFloat(d.oy);
    if ([minLon, maxLat, sx, sy, ox, oy].some(isNaN)) { return; }
    fig.hidden = false;
    svg.classList.add("clickable");
    svg.addEventListener("click", function (e) {
      var pt = svg.createSVGPoint();
      pt.x = e.clientX; pt.y = e.clientY;
      var p = pt.matrixTransform(svg.getScreenCTM().inverse());
      lat.value = (maxLat - (p.y - oy) / sy).toFixed(6);
      lon.value = (minLon + (p.x - ox) / sx).toFixed(6);
      var pin = svg.querySelector(".pin");
      if (!pin) {
        pin = document.createElementNS(ns, "circle");
        pin.setAttribute("class", "pin");
        pin.setAttribute("r", "7");
        svg.appendChild(pin);
      }
      pin.setAttribute("cx", p.x.toFixed(1));
      pin.setAttribute("cy", p.y.toFixed(1));
    });
  });
})();
