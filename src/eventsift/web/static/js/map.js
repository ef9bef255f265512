/* eventsift page: the map. Leaflet over Natural Earth country borders (world-atlas, drawn on a
 * canvas), country and capital labels, countries shaded by events or fatalities, and the events
 * as markers (colour: event type, size: fatalities) in clusters that split as you zoom
 * (supercluster: only the clusters and events in view are markers). Online tiles only when the
 * server was started with a tiles URL. */
(function () {
  "use strict";
  var ES = window.eventsift;

  var LAND = "#f4f2ec", BORDER = "#8a8f99";
  // light to dark sand: a ramp apart from the markers' colours, readable without hue
  var RAMP = ["#efe6d2", "#e3d2ad", "#d4b987", "#c09a63", "#a47a45"];
  var FIT_MAX_ZOOM = 6;
  var CAPITALS_FROM_ZOOM = 4, DETAIL_FROM_ZOOM = 3.5;
  // clusters up to this zoom; beyond it every event is a marker of its own
  var CLUSTER_MAX_ZOOM = 11;
  var ADMIN1_FROM_ZOOM = 5, ADMIN1_LABELS_FROM_ZOOM = 6, ADMIN1_MAX_COUNTRIES = 8;
  // a country's label shows once its largest land area covers this many square pixels
  var LABEL_MIN_PX2 = 2500;

  function radius(fatalities) { return Math.round(Math.min(15, 5 + 2 * Math.sqrt(fatalities || 0))); }

  /* a div icon whose element carries a label for screen readers and the event it stands for */
  var LabelledIcon = L.DivIcon.extend({
    createIcon: function (old) {
      var div = L.DivIcon.prototype.createIcon.call(this, old);
      if (this.options.label) { div.setAttribute("aria-label", this.options.label); div.setAttribute("role", "button"); }
      if (this.options.eventId) div.setAttribute("data-event", this.options.eventId);
      if (this.options.selected) div.classList.add("selected"); else div.classList.remove("selected");
      return div;
    }
  });

  function eventLabel(ev) {
    return [ev.date || "date unknown", ev.type, [ev.location, ev.country].filter(Boolean).join(", "),
            (ev.fatalities || 0) + " killed"].join(" · ");
  }

  function eventIcon(ev, selected) {
    var r = radius(ev.fatalities);
    return new LabelledIcon({
      className: "ev-marker", iconSize: [2 * r, 2 * r], eventId: ev.id, label: eventLabel(ev), selected: selected,
      html: '<span style="background:' + ES.colour(ev.type) + '"></span>'
    });
  }

  /* a cluster of supercluster: its properties carry point_count, fatalities and types */
  function clusterIcon(props) {
    var n = props.point_count, fatalities = props.fatalities, count = props.types, at = 0, stops = [], parts = [];
    ES.TYPES.concat(["other"]).forEach(function (type) {
      var c = type === "other" ? n - ES.TYPES.reduce(function (s, t) { return s + (count[t] || 0); }, 0) : (count[type] || 0);
      if (!c) return;
      var from = at; at += 360 * c / n;
      stops.push(ES.colour(type) + " " + from.toFixed(1) + "deg " + at.toFixed(1) + "deg");
      parts.push(c + " " + (type === "other" ? "other" : type));
    });
    // sized by the fatalities in it, as single events are; the number is its count of events
    var size = Math.round(Math.min(66, 28 + 4 * Math.log2(1 + fatalities)));
    return new LabelledIcon({
      className: "ev-cluster", iconSize: [size, size],
      label: ES.fmt(n) + " events, " + ES.fmt(fatalities) + " killed (" + parts.join(", ") + "); press Enter to zoom in",
      html: '<span class="ring" style="background:conic-gradient(' + stops.join(",") + ')"></span>' +
            '<span class="count">' + (n >= 1000 ? (n / 1000).toFixed(n >= 10000 ? 0 : 1) + "k" : n) + "</span>"
    });
  }

  /* Enter or Space on a focused marker does what a click does (keydown's default is prevented,
     so no keypress follows to click it twice) */
  function pressable(e) {
    var marker = e.target;
    L.DomEvent.on(marker.getElement(), "keydown", function (k) {
      if (k.key !== "Enter" && k.key !== " ") return;
      L.DomEvent.preventDefault(k);
      marker.fire("click");
    });
  }

  function newIndex() {
    return new Supercluster({
      radius: 56, minZoom: 0, maxZoom: CLUSTER_MAX_ZOOM,
      map: function (p) { var types = {}; types[p.type] = 1; return { fatalities: p.fatalities, types: types }; },
      reduce: function (acc, p) {
        acc.fatalities += p.fatalities;
        var types = Object.assign({}, acc.types);
        Object.keys(p.types).forEach(function (t) { types[t] = (types[t] || 0) + p.types[t]; });
        acc.types = types;
      }
    });
  }

  /* the largest polygon of a country: its centre (area-weighted) and its area in degrees² */
  function labelPoint(geometry) {
    var polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates, best = null;
    polys.forEach(function (poly) {
      var ring = poly[0], a = 0, cx = 0, cy = 0;
      for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        var f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
        a += f; cx += (ring[j][0] + ring[i][0]) * f; cy += (ring[j][1] + ring[i][1]) * f;
      }
      if (!a) return;
      var area = Math.abs(a / 2);
      if (!best || area > best.area) best = { area: area, lon: cx / (3 * a), lat: cy / (3 * a) };
    });
    return best;
  }

  function Map(options) {
    var self = this;
    this.onSelect = options.onSelect;
    this.onView = options.onView;
    this.onCountry = options.onCountry;
    this.events = {};       // id -> {id, lon, lat, type, fatalities, date, location, country}
    this.markers = {};      // id -> marker
    this.selected = null;
    this.shade = { mode: "events", byCode: {} };
    var map = this.map = L.map("map", { preferCanvas: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5,
                                         worldCopyJump: true, keyboard: true });
    map.attributionControl.setPrefix(false);
    map.createPane("labels").style.zIndex = 450;
    map.getPane("labels").style.pointerEvents = "none";
    this.index = newIndex().load([]);
    this.shown = L.layerGroup().addTo(map);   // the markers in view: clusters and single events
    this.labels = L.layerGroup().addTo(map);
    this.admin1 = { index: null, loaded: {}, layer: L.layerGroup() };
    map.on("zoomend", function () { if (self.bordersScale) self.showBorders(); self.drawLabels(); });
    map.on("moveend", function () {
      self.drawMarkers();
      self.showAdmin1();
      var c = map.getCenter();
      if (self.onView) self.onView({ zoom: map.getZoom(), lat: c.lat, lon: L.Util.wrapNum(c.lng, [-180, 180], true) });
    });
    this.legend();
  }

  Map.prototype.setConfig = function (cfg) {
    this.map.attributionControl.addAttribution(cfg.attribution || "");
    if (cfg.tiles_url) {  // opt-in online tiles (the server's --tiles-url); the borders stay on top
      this.tiles = L.tileLayer(cfg.tiles_url, { maxZoom: 19 }).addTo(this.map);
      this.map.getContainer().classList.add("with-tiles");
      if (this.borders) this.borders.setStyle(this.countryStyle.bind(this));  // see-through over the tiles
    }
  };

  /* the borders for the zoom: Natural Earth 1:110m when the whole world or a continent is in
     view, 1:50m from DETAIL_FROM_ZOOM (fetched then: 7 times the size, and slower to draw) */
  Map.prototype.bordersFor = function (zoom) { return zoom >= DETAIL_FROM_ZOOM ? "50m" : "110m"; };

  Map.prototype.showBorders = function () {
    var self = this, scale = this.bordersFor(this.map.getZoom());
    if (this.bordersScale === scale) return this.bordersDrawn;
    this.bordersScale = scale;
    this.topo = this.topo || {};
    if (!this.topo[scale]) this.topo[scale] = ES.getJSON("/static/vendor/countries-" + scale + ".json");
    this.bordersDrawn = this.topo[scale].then(function (topo) {
      if (self.bordersScale !== scale) return self.bordersDrawn;  // the zoom moved on meanwhile
      var geo = topojson.feature(topo, topo.objects.countries), countries = [];
      var layer = L.geoJSON(geo, {
        style: function (ft) { return self.countryStyle(ft); },
        onEachFeature: function (ft, l) {
          var at = labelPoint(ft.geometry);
          if (at) countries.push({ name: ft.properties.name, lat: at.lat, lon: at.lon, area: at.area });
          l.bindTooltip(function () { return self.countryTip(ft); }, { sticky: true, direction: "top" });
          l.on("dblclick", function (e) { L.DomEvent.stop(e); if (self.onCountry) self.onCountry(ft.properties.name); });
        }
      }).addTo(self.map);
      if (self.borders) self.map.removeLayer(self.borders);
      self.borders = layer;
      self.countries = countries;
      layer.bringToBack();
      self.drawLabels();
      return layer.getLayers().length;
    });
    return this.bordersDrawn;
  };

  /* load the borders (TopoJSON) and the capitals; resolves when the borders are drawn */
  Map.prototype.loadBase = function () {
    var self = this;
    var borders = this.showBorders();
    var capitals = ES.getJSON("/static/vendor/capitals.json").then(function (rows) {
      self.capitals = rows; self.drawLabels();
    }).catch(function () { self.capitals = []; });
    return Promise.all([borders, capitals]).then(function (r) { return r[0]; });
  };

  /* first-level borders (and names) of the countries in view, once zoomed in far enough;
     each country's file is fetched the first time it is needed */
  Map.prototype.showAdmin1 = function () {
    var self = this, a = this.admin1, map = this.map;
    if (map.getZoom() < ADMIN1_FROM_ZOOM) { map.removeLayer(a.layer); return Promise.resolve(0); }
    if (!map.hasLayer(a.layer)) a.layer.addTo(map);
    if (!a.index) a.index = ES.getJSON("/static/vendor/admin1/index.json").catch(function () { return {}; });
    return a.index.then(function (index) {
      var view = map.getBounds(), wanted = Object.keys(index).filter(function (code) {
        var b = index[code];
        return view.intersects(L.latLngBounds([b[1], b[0]], [b[3], b[2]]));
      }).slice(0, ADMIN1_MAX_COUNTRIES);
      return Promise.all(wanted.map(function (code) {
        if (!a.loaded[code]) a.loaded[code] = ES.getJSON("/static/vendor/admin1/" + code + ".json").then(function (topo) {
          var lines = topojson.mesh(topo, topo.objects.admin1, function (x, y) { return x !== y; });
          var names = topojson.feature(topo, topo.objects.admin1).features.map(function (ft) {
            var at = labelPoint(ft.geometry);
            return at && ft.properties.name ? { name: ft.properties.name, lat: at.lat, lon: at.lon } : null;
          }).filter(Boolean);
          var layer = L.geoJSON(lines, { interactive: false, style: { color: "#8a8f99", weight: 0.7, dashArray: "3 3", opacity: 0.9 } });
          a.layer.addLayer(layer);
          a.loaded[code].done = { code: code, names: names, layer: layer };
          return a.loaded[code].done;
        }).catch(function () { return null; });
        return a.loaded[code];
      })).then(function (found) { self.drawLabels(); return found.filter(Boolean).length; });
    });
  };

  Map.prototype.countryStyle = function (ft) {
    var tiles = !!this.tiles, fill = LAND;
    if (this.shade.mode !== "none") {
      var row = this.shade.byCode[+ft.id];
      if (row) fill = this.shadeColour(row[this.shade.mode]);
    }
    return { color: BORDER, weight: 0.8, fillColor: fill, fillOpacity: tiles ? 0.35 : (fill === LAND ? 1 : 0.85), opacity: 1 };
  };

  Map.prototype.countryTip = function (ft) {
    var row = this.shade.byCode[+ft.id];
    var name = (row && row.country) || ft.properties.name;
    return row ? name + ": " + ES.fmt(row.events) + " events, " + ES.fmt(row.fatalities) + " killed" : name + ": no events";
  };

  Map.prototype.shadeColour = function (v) {
    var b = this.shade.breaks || [];
    for (var i = b.length - 1; i >= 0; i--) if (v >= b[i]) return RAMP[i];
    return LAND;
  };

  /* country shading: by_iso rows of /stats, by "events" or "fatalities" (or "none") */
  Map.prototype.setShading = function (rows, mode) {
    var byCode = {}, values = [];
    (rows || []).forEach(function (r) { if (r.isonumeric) byCode[r.isonumeric] = r; });
    this.shade = { mode: mode, byCode: byCode };
    if (mode !== "none") {
      values = (rows || []).map(function (r) { return r[mode]; }).filter(function (v) { return v > 0; });
      // five classes, evenly spaced on a log scale from 1 to the largest value
      var max = Math.max.apply(null, values.concat([1])), breaks = [];
      for (var i = 0; i < RAMP.length; i++) breaks.push(i === 0 ? 1 : Math.max(breaks[i - 1] + 1, Math.round(Math.pow(max, i / RAMP.length))));
      this.shade.breaks = breaks;
    }
    if (this.borders) this.borders.setStyle(this.countryStyle.bind(this));
    this.drawShadeLegend();
  };

  /* country names, capitals (from CAPITALS_FROM_ZOOM) and first-level area names (from
     ADMIN1_LABELS_FROM_ZOOM, in view); a label that would overlap one placed before it is left
     out: countries first, then capitals, then areas */
  Map.prototype.drawLabels = function () {
    if (!this.countries) return;
    var map = this.map, z = map.getZoom(), k = Math.pow(2, z) * 256 / 360, wanted = [];
    this.countries.forEach(function (c) {
      if (c.area * k * k >= LABEL_MIN_PX2) wanted.push({ lat: c.lat, lon: c.lon, name: c.name, cls: "country-label" });
    });
    if (z >= CAPITALS_FROM_ZOOM) (this.capitals || []).forEach(function (c) {
      wanted.push({ lat: c.lat, lon: c.lon, name: c.name, cls: "capital-label", title: "capital of " + c.country, anchor: "left" });
    });
    if (z >= ADMIN1_LABELS_FROM_ZOOM) {
      var view = map.getBounds().pad(0.2);
      Object.keys(this.admin1.loaded).forEach(function (code) {
        var done = this.admin1.loaded[code].done;
        (done ? done.names : []).forEach(function (c) {
          if (view.contains([c.lat, c.lon])) wanted.push({ lat: c.lat, lon: c.lon, name: c.name, cls: "admin1-label" });
        });
      }, this);
    }
    var placed = [], group = this.labels;
    group.clearLayers();
    wanted.forEach(function (w) {
      var p = map.project([w.lat, w.lon], z), width = 6.5 * w.name.length + 8, height = 14;
      var box = w.anchor === "left" ? [p.x - 4, p.y - 2, p.x + width, p.y + height]
                                    : [p.x - width / 2, p.y - height / 2, p.x + width / 2, p.y + height / 2];
      for (var i = 0; i < placed.length; i++) {
        var o = placed[i];
        if (box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1]) return;
      }
      placed.push(box);
      group.addLayer(L.marker([w.lat, w.lon], { pane: "labels", interactive: false, keyboard: false,
        icon: L.divIcon({ className: w.cls, html: "", iconSize: null }) }).on("add", function (e) {
          var node = e.target.getElement(); node.textContent = w.name; if (w.title) node.title = w.title;
        }));
    });
  };

  /* the events to draw: /points rows; they are clustered for every zoom at once */
  Map.prototype.setPoints = function (body) {
    var cols = {}, points = [], events = {};
    body.columns.forEach(function (c, i) { cols[c] = i; });
    body.rows.forEach(function (r) {
      var lat = r[cols.latitude], lon = r[cols.longitude];
      if (lat === null || lon === null) return;
      var ev = { id: r[cols.event_id], lat: lat, lon: lon, type: r[cols.event_type], fatalities: r[cols.fatalities] || 0,
                 date: r[cols.event_date], location: r[cols.location], country: r[cols.country] };
      events[ev.id] = ev;
      points.push({ type: "Feature", geometry: { type: "Point", coordinates: [lon, lat] }, properties: ev });
    });
    this.events = events;
    this.index = newIndex().load(points);
    this.drawMarkers();
    return Promise.resolve(points.length);
  };

  /* the clusters and events in view (with a margin) as markers */
  Map.prototype.drawMarkers = function () {
    var self = this, map = this.map, b = map.getBounds().pad(0.25), z = Math.floor(map.getZoom());
    var west = b.getWest(), east = b.getEast();
    if (east - west >= 360) { west = -180; east = 180; }
    var items = this.index.getClusters([west, Math.max(-85, b.getSouth()), east, Math.min(85, b.getNorth())], z);
    this.markers = {};
    this.clusters = [];
    var layers = items.map(function (it) {
      var ll = [it.geometry.coordinates[1], it.geometry.coordinates[0]], p = it.properties;
      if (p.cluster) {
        var m = L.marker(ll, { icon: clusterIcon(p), keyboard: true });
        m.on("click", function () {
          map.setView(ll, Math.min(map.getMaxZoom(), self.index.getClusterExpansionZoom(p.cluster_id)));
        });
        self.clusters.push({ id: p.cluster_id, marker: m, count: p.point_count });
        return m;
      }
      var one = L.marker(ll, { icon: eventIcon(p, p.id === self.selected), ev: p, keyboard: true, riseOnHover: true });
      one.on("click", function () { if (self.onSelect) self.onSelect(p.id); });
      self.markers[p.id] = one;
      return one;
    });
    this.shown.clearLayers();
    layers.forEach(function (l) { l.on("add", pressable); self.shown.addLayer(l); });
  };

  Map.prototype.select = function (id) {
    var old = this.markers[this.selected];
    this.selected = id;
    if (old) old.setIcon(eventIcon(old.options.ev, false));
    var m = this.markers[id];
    if (m) m.setIcon(eventIcon(m.options.ev, true));
  };

  Map.prototype.fit = function () {
    var ids = Object.keys(this.events);
    if (!ids.length) { this.map.setView([20, 10], 2); return; }
    var b = L.latLngBounds(ids.map(function (id) { var e = this.events[id]; return [e.lat, e.lon]; }, this));
    // room at the bottom for the legends
    this.map.fitBounds(b, { maxZoom: FIT_MAX_ZOOM, paddingTopLeft: [40, 40], paddingBottomRight: [40, 150], animate: false });
  };

  Map.prototype.setView = function (v) { this.map.setView([v.lat, v.lon], v.zoom, { animate: false }); };

  Map.prototype.legend = function () {
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "legend");
      box.setAttribute("aria-label", "legend");
      ES.TYPES.forEach(function (name) {
        var row = ES.el("div"), dot = ES.el("i");
        dot.style.background = ES.colour(name);
        row.appendChild(dot); row.appendChild(document.createTextNode(name));
        box.appendChild(row);
      });
      box.appendChild(ES.el("div", "size: fatalities · ring: a cluster's types · number: its events", "note"));
      return box;
    };
    control.addTo(this.map);
    var shade = this.shadeControl = L.control({ position: "bottomright" });
    var self = this;
    shade.onAdd = function () {
      var box = L.DomUtil.create("div", "shade-legend");
      L.DomEvent.disableClickPropagation(box);
      var label = ES.el("label", "Shade countries by ");
      var select = ES.el("select");
      select.id = "shade";
      ES.SHADES.forEach(function (s) { var o = ES.el("option", s === "none" ? "nothing" : s); o.value = s; select.appendChild(o); });
      select.addEventListener("change", function () { if (self.onShade) self.onShade(select.value); });
      label.appendChild(select);
      box.appendChild(label);
      box.appendChild(ES.el("div", null, "ramp"));
      return box;
    };
    shade.addTo(this.map);
  };

  Map.prototype.drawShadeLegend = function () {
    var box = this.shadeControl.getContainer();
    box.querySelector("select").value = this.shade.mode;
    var ramp = box.querySelector(".ramp");
    ramp.replaceChildren();
    if (this.shade.mode === "none" || !this.shade.breaks) return;
    var b = this.shade.breaks;
    RAMP.forEach(function (colour, i) {
      var row = ES.el("div"), sw = ES.el("i");
      sw.style.background = colour;
      row.appendChild(sw);
      var to = i + 1 < b.length ? b[i + 1] - 1 : null;
      row.appendChild(document.createTextNode(ES.fmt(b[i]) + (to === null ? "+" : to > b[i] ? "–" + ES.fmt(to) : "")));
      ramp.appendChild(row);
    });
  };

  /* for tests and the console: the on-screen element an event is drawn in now (itself or its
     cluster) with its box and how many events it holds */
  Map.prototype.whereIs = function (id) {
    var found = null, box;
    if (this.markers[id]) found = { marker: this.markers[id], count: 1 };
    else for (var i = 0; i < this.clusters.length && !found; i++) {
      var c = this.clusters[i];
      if (this.index.getLeaves(c.id, Infinity).some(function (f) { return f.properties.id === id; })) found = c;
    }
    if (!found || !found.marker.getElement()) return null;
    box = found.marker.getElement().getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2, size: found.count };
  };

  Map.prototype.counts = function () {
    var clusters = 0, singles = 0;
    this.map.getPanes().markerPane.querySelectorAll(".ev-cluster, .ev-marker").forEach(function (n) {
      if (n.classList.contains("ev-cluster")) clusters++; else singles++;
    });
    var admin1 = 0;
    if (this.map.hasLayer(this.admin1.layer)) this.admin1.layer.eachLayer(function (l) { admin1 += l.getLayers().length; });
    return { borders: this.borders ? this.borders.getLayers().length : 0, clusters: clusters, markers: singles, admin1: admin1,
             labels: this.labels.getLayers().length, events: Object.keys(this.events).length };
  };

  ES.Map = Map;
})();
