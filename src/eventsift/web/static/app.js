/* eventsift map-and-timeline page: wires the filters, the map (js/map.js), the timeline
 * (js/timeline.js) and the panel (js/panel.js) to the API, and keeps the page's state in the URL
 * (filters, chosen weeks, shading, map view, selected event): a link reopens the same view and
 * back/forward step through filter and selection changes. Nothing is fetched from any other
 * server unless the server was started with an online tiles URL. */
(function () {
  "use strict";
  var ES = window.eventsift, $ = ES.$;
  var MAP_POINTS = 5000;    // markers drawn at most: the latest events of the filter
  var FORM = { country: "f-country", event_type: "f-type", actor: "f-actor", q: "f-q", date_from: "f-from", date_to: "f-to" };

  var state = ES.readURL();
  var last = { stats: null, points: null };
  var ticket = 0;
  var timing = ES.timing = { loads: [] };

  function setStatus(text) { $("status").textContent = text; }

  function pushURL() {
    var url = ES.writeURL(state);
    if (url !== window.location.search && !(url === "?" && !window.location.search)) history.pushState(null, "", url);
  }
  function replaceURL() { history.replaceState(null, "", ES.writeURL(state)); }

  var map = new ES.Map({
    onSelect: function (id) { select(id, { focus: true }); },
    onView: function (v) { state.view = v; replaceURL(); },
    onCountry: function (name) { setFilter("country", name); }
  });
  map.onShade = function (mode) {
    state.shade = mode;
    pushURL();
    if (last.stats) map.setShading(last.stats.by_iso, mode);
  };
  var timeline = new ES.Timeline({
    onBrush: function (brush) { state.brush = brush; $("brush-clear").hidden = false; pushURL(); load(false); }
  });
  var panel = new ES.Panel({
    onSelect: function (id) { select(id, { focus: true, center: true }); },
    onActor: function (r) { setFilter("actor", r.actor); },
    onPlace: function (r) { if (r.latitude !== null) map.map.setView([r.latitude, r.longitude], 9); },
    onClose: function () { select(null); var first = document.querySelector("#overview button"); if (first) first.focus(); }
  });

  // ---------- filters ----------
  function formFromState() {
    Object.keys(FORM).forEach(function (k) {
      var input = $(FORM[k]), v = state.filters[k] || "";
      if (input.tagName === "SELECT" && v && !Array.prototype.some.call(input.options, function (o) { return o.value === v; })) {
        var o = ES.el("option", v); o.value = v; input.appendChild(o);
      }
      input.value = v;
    });
    $("brush-clear").hidden = !state.brush;
  }
  function filtersFromForm() {
    var f = {};
    Object.keys(FORM).forEach(function (k) { var v = $(FORM[k]).value.trim(); if (v) f[k] = v; });
    return f;
  }
  function setFilter(name, value) {
    state.filters[name] = value;
    formFromState();
    pushURL();
    load(true);
  }
  function fillSelect(select, rows, key) {
    var keep = select.value;
    rows.forEach(function (row) {
      if (!row[key]) return;
      var found = Array.prototype.find.call(select.options, function (o) { return o.value === row[key]; });
      var o = found || ES.el("option");
      o.value = row[key];
      o.textContent = row[key] + " (" + ES.fmt(row.events) + ")";
      if (!found) select.appendChild(o);
    });
    select.value = keep;
  }
  function setDownloads(filters) {
    $("dl-csv").href = "/download" + ES.query(Object.assign({ format: "acled-csv" }, filters));
    $("dl-geojson").href = "/download" + ES.query(Object.assign({ format: "geojson" }, filters));
  }

  $("filters").addEventListener("submit", function (e) {
    e.preventDefault();
    state.filters = filtersFromForm();
    state.brush = null;
    $("brush-clear").hidden = true;
    pushURL();
    load(true);
  });
  $("f-reset").addEventListener("click", function () {
    state.filters = {}; state.brush = null; state.event = null;
    formFromState();
    panel.closeEvent(); map.select(null);
    pushURL();
    load(true);
  });
  ["f-country", "f-type", "f-from", "f-to"].forEach(function (id) {
    $(id).addEventListener("change", function () { $("filters").requestSubmit(); });
  });
  $("brush-clear").addEventListener("click", function () {
    state.brush = null; $("brush-clear").hidden = true; pushURL(); load(false); $("f-apply").focus();
  });

  // ---------- loading ----------
  /* fetch and draw the map's events, the shading, the timeline and the overview for the state's
     filters; ``fit`` moves the map to the events. Resolves when everything is drawn. */
  function load(fit) {
    var t = ++ticket, started = performance.now(), record = { started: started };
    document.body.dataset.loading = "1";
    setStatus("loading events…");
    var f = ES.apiFilters(state), undated = ES.apiFilters(state, false);
    setDownloads(f);
    var points = ES.getJSON("/points" + ES.query(Object.assign({ limit: MAP_POINTS }, f)));
    // the counts are asked once the points are in: both are work for the same server process,
    // and the markers are what the user looks at first
    var after = points.catch(function () { return null; });
    var stats = after.then(function () { return ES.getJSON("/stats" + ES.query(f)); });
    var timelineStats = JSON.stringify(f) === JSON.stringify(undated) ? stats :
      after.then(function () { return ES.getJSON("/stats" + ES.query(undated)); });
    var drawn = points.then(function (p) {
      record.points_ms = performance.now() - started;
      if (t !== ticket) return null;
      return map.setPoints(p).then(function () {
        if (t !== ticket) return null;
        if (fit) map.fit();
        record.map_ms = performance.now() - started;
        setStatus(p.complete ? ES.fmt(p.count) + " events match" : "the map shows the latest " + ES.fmt(p.count) + "; counting…");
        document.body.dataset.shown = String(p.count);
        return p;
      });
    });
    var shaded = stats.then(function (st) {
      if (t === ticket) map.setShading(st.by_iso, state.shade);
      return st;
    });
    Promise.all([drawn, shaded]).then(function (r) {
      if (t !== ticket || !r[0]) return;
      setStatus(ES.fmt(r[1].events) + " events match" + (r[0].complete ? "" : "; the map shows the latest " +
        ES.fmt(r[0].count) + ", " + ES.fmt(Math.max(0, r[1].events - r[0].count)) + " earlier ones are not drawn"));
    }).catch(function () { /* reported below */ });
    var charted = timelineStats.then(function (ts) { if (t === ticket) timeline.set(ts.by_week_type, state.brush); return ts; });
    return Promise.all([drawn, shaded, charted]).then(function (r) {
      if (t !== ticket || !r[0]) return;
      last.points = r[0]; last.stats = r[1];
      if (!state.event) panel.showOverview(r[1], r[0]);
      else panel.overviewStale = true;
      record.all_ms = performance.now() - started;
      timing.loads.push(record);
      document.body.dataset.events = String(r[1].events);
      document.body.dataset.loading = "";
    }).catch(function (e) {
      if (t !== ticket) return;
      setStatus("could not load events: " + e.message);
      document.body.dataset.loading = "";
    });
  }

  // ---------- selection ----------
  function select(id, options) {
    options = options || {};
    state.event = id || null;
    if (options.push !== false) pushURL();
    map.select(state.event);
    if (!state.event) {
      panel.closeEvent();
      if (panel.overviewStale && last.stats) { panel.showOverview(last.stats, last.points); panel.overviewStale = false; }
      return Promise.resolve(null);
    }
    return panel.showEvent(state.event).then(function (ev) {
      if (!ev || ev.event_id !== state.event) return;
      if (options.center && ev.latitude !== null && ev.longitude !== null &&
          !map.map.getBounds().contains([ev.latitude, ev.longitude])) map.map.setView([ev.latitude, ev.longitude], Math.max(map.map.getZoom(), 6));
      if (options.focus) { var h = document.querySelector("#detail h2"); if (h) h.focus(); }
    });
  }

  window.addEventListener("popstate", function () {
    var before = state;
    state = ES.readURL();
    formFromState();
    if (JSON.stringify(ES.apiFilters(before)) !== JSON.stringify(ES.apiFilters(state))) load(!state.view);
    else if (before.shade !== state.shade && last.stats) map.setShading(last.stats.by_iso, state.shade);
    if (state.view) map.setView(state.view);
    if (before.event !== state.event) select(state.event, { push: false, center: !state.view });
  });

  // ---------- start ----------
  ES.state = function () { return JSON.parse(JSON.stringify(state)); };
  ES.map = map;
  ES.load = load;
  ES.select = select;

  var fitFirst = !state.view;  // (setting the view writes it into the state)
  map.setView(state.view || { zoom: 2, lat: 20, lon: 15 });
  formFromState();
  var options = ES.getJSON("/stats").then(function (all) {  // the lists of the selects: every value there is
    fillSelect($("f-country"), all.by_country || [], "country");
    fillSelect($("f-type"), all.by_event_type || [], "event_type");
    formFromState();
  });
  // the events, the borders and the settings load side by side
  var first = load(fitFirst);
  var chosen = state.event ? select(state.event, { push: false, center: fitFirst }) : null;
  var base = map.loadBase().then(function () { timing.borders_ms = performance.now(); })
    .catch(function (e) { setStatus("could not load the borders: " + e.message); });
  var configured = ES.getJSON("/config").catch(function () { return {}; }).then(function (cfg) { map.setConfig(cfg); });
  Promise.all([configured, base, first, chosen, options]).then(function () {
    timing.ready_ms = performance.now();
    document.body.dataset.ready = "1";
  });
})();
