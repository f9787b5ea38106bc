// "Open now near me": sorts the list of safe places by distance from the
// visitor's position, computed here in the browser. The position is never
// sent anywhere: this script makes no request at all.
(function () {
  "use strict";
  var box = document.getElementById("near-me");
  var list = document.getElementById("place-list");
  if (!box || !list || !("geolocation" in navigator)) return;
  box.hidden = false;
  var status = document.getElementById("near-me-status");
  function km(a, b, c, d) {
    var r = Math.PI / 180, dLat = (c - a) * r, dLon = (d - b) * r;
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(a * r) * Math.cos(c * r) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 12742 * Math.asin(Math.sqrt(h));
  }
  document.getElementById("near-me-button").addEventListener("click", function () {
    navigator.geolocation.getCurrentPosition(function (pos) {
      var lat = pos.coords.latitude, lon = pos.coords.longitude;
      var items = Array.prototype.slice.call(list.children);
      items.forEach(function (li) {
        var d = km(lat, lon, parseFloat(li.dataset.lat), parseFloat(li.dataset.lon));
        li.dataset.distance = String(d);
        li.hidden = li.dataset.open !== "1";
        var span = li.querySelector(".distance");
        if (span) span.textContent = d.toFixed(1).replace(".", ",") + " km";
      });
      items.sort(function (a, b) { return a.dataset.distance - b.dataset.distance; });
      items.forEach(function (li) { list.appendChild(li); });
      status.textContent = status.dataset.done;
    }, function () {
      status.textContent = status.dataset.denied;
    }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 });
  });
})();
