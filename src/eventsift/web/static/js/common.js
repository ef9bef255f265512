/* eventsift page: shared helpers, the event-type palette and the page state <-> URL mapping.
 * Every file of the page adds to window.eventsift (no modules, no build step beyond copying). */
(function () {
  "use strict";
  var ES = window.eventsift = window.eventsift || {};

  // Okabe-Ito colours: told apart with the common colour-vision deficiencies
  ES.COLOURS = {
    "Battles": "#D55E00",
    "Explosions/Remote violence": "#E69F00",
    "Violence against civilians": "#CC79A7",
    "Protests": "#0072B2",
    "Riots": "#56B4E9",
    "Strategic developments": "#009E73"
  };
  ES.OTHER_COLOUR = "#7a7a7a";
  ES.TYPES = Object.keys(ES.COLOURS);
  ES.colour = function (type) { return ES.COLOURS[type] || ES.OTHER_COLOUR; };

  ES.$ = function (id) { return document.getElementById(id); };

  ES.query = function (params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      if (v !== undefined && v !== null && v !== "") parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(v));
    });
    return parts.length ? "?" + parts.join("&") : "";
  };

  /* GET url as JSON; a second call for a URL still in flight shares the first one's answer */
  var inFlight = {};
  ES.getJSON = function (url) {
    if (inFlight[url]) return inFlight[url];
    var done = function () { delete inFlight[url]; };
    var answer = inFlight[url] = fetch(url, { headers: { "Accept": "application/json" } }).then(function (r) {
      if (!r.ok) return r.json().catch(function () { return {}; }).then(function (body) {
        var d = body && body.detail;
        throw new Error((d && (d.message || (typeof d === "string" ? d : null))) || ("HTTP " + r.status));
      });
      return r.json();
    });
    answer.then(done, done);
    return answer;
  };

  ES.addDays = function (iso, n) {
    var d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };

  /* an element with text content (never parsed as HTML) and optional class */
  ES.el = function (tag, content, cls) {
    var node = document.createElement(tag);
    if (content !== undefined && content !== null) node.textContent = content;
    if (cls) node.className = cls;
    return node;
  };

  ES.fmt = function (n) { return Number(n || 0).toLocaleString("en"); };

  // ---------- the page's state in the URL ----------
  // ?country=&event_type=&actor=&q=&date_from=&date_to=  the filters (the API's names)
  // &weeks=FROM..TO   weeks chosen on the timeline (Mondays)
  // &shade=events|fatalities|none   country shading
  // &map=ZOOM/LAT/LON   the map view       &event=ID   the selected event
  ES.FILTER_KEYS = ["country", "event_type", "actor", "q", "date_from", "date_to"];
  ES.SHADES = ["events", "fatalities", "none"];

  ES.readURL = function (search) {
    var p = new URLSearchParams(search === undefined ? window.location.search : search);
    var s = { filters: {}, brush: null, shade: "events", view: null, event: null };
    ES.FILTER_KEYS.forEach(function (k) { var v = p.get(k); if (v) s.filters[k] = v; });
    var weeks = (p.get("weeks") || "").split("..");
    if (weeks.length === 2 && /^\d{4}-\d\d-\d\d$/.test(weeks[0]) && /^\d{4}-\d\d-\d\d$/.test(weeks[1]))
      s.brush = weeks[0] <= weeks[1] ? weeks : [weeks[1], weeks[0]];
    if (ES.SHADES.indexOf(p.get("shade")) >= 0) s.shade = p.get("shade");
    var m = (p.get("map") || "").split("/").map(Number);
    if (m.length === 3 && m.every(isFinite) && Math.abs(m[1]) <= 90) s.view = { zoom: m[0], lat: m[1], lon: m[2] };
    if (p.get("event")) s.event = p.get("event");
    return s;
  };

  ES.writeURL = function (s) {
    var p = {};
    ES.FILTER_KEYS.forEach(function (k) { if (s.filters[k]) p[k] = s.filters[k]; });
    if (s.brush) p.weeks = s.brush[0] + ".." + s.brush[1];
    if (s.shade !== "events") p.shade = s.shade;
    if (s.view) p.map = s.view.zoom + "/" + s.view.lat.toFixed(4) + "/" + s.view.lon.toFixed(4);
    if (s.event) p.event = s.event;
    return ES.query(p) || "?";
  };

  /* the filters the API gets: the form's, narrowed to the brushed weeks */
  ES.apiFilters = function (s, withDates) {
    var f = Object.assign({}, s.filters);
    if (withDates === false) { delete f.date_from; delete f.date_to; return f; }
    if (s.brush) {
      var to = ES.addDays(s.brush[1], 6);  // the last week's Sunday
      if (!f.date_from || f.date_from < s.brush[0]) f.date_from = s.brush[0];
      if (!f.date_to || f.date_to > to) f.date_to = to;
    }
    return f;
  };
})();
