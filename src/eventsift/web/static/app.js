/* eventsift map-and-timeline page: plain JS, no outside code, no network beyond this server.
 *
 * Map: Web Mercator on a <canvas>, world 256 px wide at zoom 0; pan by dragging, zoom with the
 * wheel or the buttons. Events are circles coloured by event type and sized by fatalities;
 * where they crowd (several in one CLUSTER_PX cell) they are drawn as one numbered cluster.
 * Timeline: SVG bars of events per week from /stats; dragging across it selects weeks and
 * filters the map. Panel: the clicked event's report text with its evidence highlighted.
 */
(function () {
  "use strict";

  var TILE = 256;
  var MIN_ZOOM = 0.5, MAX_ZOOM = 14;
  var CLUSTER_PX = 34;      // cell size for clustering, in screen pixels
  var CLUSTER_MIN = 3;      // a cell with this many events or more is drawn as one cluster
  var MAP_PAGE = 1000;      // the API's largest page
  var MAP_MAX = 5000;       // events drawn at most (pages fetched for the map)
  var FIT_MAX_ZOOM = 5.5;   // fitting to the events never zooms closer (keeps the country in view)
  var COLOURS = {
    "Battles": "#d7263d",
    "Explosions/Remote violence": "#f46036",
    "Violence against civilians": "#7b2d8b",
    "Protests": "#1b998b",
    "Riots": "#2e86de",
    "Strategic developments": "#6c757d"
  };
  var OTHER_COLOUR = "#333";
  // neutral, not sea-blue: the outlines are coarse, so a gap between them is "no outline", not water
  var BACKGROUND = "#dfe3e8";

  var $ = function (id) { return document.getElementById(id); };
  var canvas = $("map"), ctx = canvas.getContext("2d");
  var state = {
    config: { tiles_url: null, attribution: "" },
    world: null,            // country outlines (GeoJSON)
    events: [],             // [{id, lon, lat, type, fatalities, props}]
    view: { x: 128, y: 128, z: 1.5 },  // centre in zoom-0 world pixels, zoom
    filters: {},
    brush: null,            // [fromISO, toISO] chosen on the timeline
    weeks: [],
    drawn: [],              // what was drawn last: [{x, y, r, events}]
    selected: null,
    tiles: {},
    loads: 0
  };

  // ---------- projection ----------
  function project(lon, lat) {
    var s = Math.sin(Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI / 180);
    return [TILE * (lon + 180) / 360, TILE * (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI))];
  }
  function unproject(x, y) {
    var lon = x / TILE * 360 - 180;
    var n = Math.PI - 2 * Math.PI * y / TILE;
    return [lon, 180 / Math.PI * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)))];
  }
  function size() { return [canvas.clientWidth, canvas.clientHeight]; }
  function toScreen(wx, wy) {
    var k = Math.pow(2, state.view.z), s = size();
    return [(wx - state.view.x) * k + s[0] / 2, (wy - state.view.y) * k + s[1] / 2];
  }
  function toWorld(sx, sy) {
    var k = Math.pow(2, state.view.z), s = size();
    return [(sx - s[0] / 2) / k + state.view.x, (sy - s[1] / 2) / k + state.view.y];
  }

  // ---------- data ----------
  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      if (v !== undefined && v !== null && v !== "") parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(v));
    });
    return parts.length ? "?" + parts.join("&") : "";
  }
  function getJSON(url) {
    return fetch(url, { headers: { "Accept": "application/json" } }).then(function (r) {
      if (!r.ok) return r.json().catch(function () { return {}; }).then(function (body) {
        throw new Error((body && body.detail && (body.detail.message || body.detail)) || ("HTTP " + r.status));
      });
      return r.json();
    });
  }
  function currentFilters(withDates) {
    var f = Object.assign({}, state.filters);
    if (withDates && state.brush) {
      // brushed weeks run from the first week's Monday to the last week's Sunday
      var to = addDays(state.brush[1], 6);
      if (!f.date_from || f.date_from < state.brush[0]) f.date_from = state.brush[0];
      if (!f.date_to || f.date_to > to) f.date_to = to;
    }
    if (!withDates) { delete f.date_from; delete f.date_to; }
    return f;
  }
  function setStatus(text) { $("status").textContent = text; }

  // The most recent weeks that hold at most `max` events, from the weekly counts of /stats:
  // { from: the first Monday to draw (null: all fit), older: events before it }. A store with
  // more events than the map draws shows its newest ones, not its oldest.
  function recentWindow(weeks, dateFrom, dateTo, max) {
    var rows = weeks.filter(function (r) {
      return r.week && (!dateFrom || addDays(r.week, 6) >= dateFrom) && (!dateTo || r.week <= dateTo);
    });
    var total = rows.reduce(function (a, r) { return a + r.events; }, 0);
    if (total <= max) return { from: null, older: 0 };
    var kept = 0, i = rows.length - 1;
    while (i > 0 && kept + rows[i].events <= max) { kept += rows[i].events; i--; }
    var first = i === rows.length - 1 ? rows[i].week : rows[i + 1].week;  // the newest week alone may hold more
    if (i === rows.length - 1) kept = rows[i].events;
    return { from: first, older: total - kept };
  }

  function loadEvents() {
    var ticket = ++state.loads;
    return (state.statsLoading || Promise.resolve()).then(function () {
      if (ticket !== state.loads) return null;
      return loadEventsNow(ticket);
    });
  }

  function loadEventsNow(ticket) {
    var f = currentFilters(true);
    var recent = recentWindow(state.weeks || [], f.date_from, f.date_to, MAP_MAX);
    if (recent.from && (!f.date_from || f.date_from < recent.from)) f.date_from = recent.from;
    var all = [];
    setStatus("loading events…");
    document.body.dataset.loading = "1";
    function page(offset) {
      var p = Object.assign({}, f, { format: "geojson", limit: MAP_PAGE, offset: offset, fields: "map" });
      return getJSON("/events" + query(p)).then(function (fc) {
        if (ticket !== state.loads) return null;
        fc.features.forEach(function (ft) {
          if (!ft.geometry) return;
          var c = ft.geometry.coordinates, w = project(c[0], c[1]);
          all.push({ id: ft.id, wx: w[0], wy: w[1], type: ft.properties.event_type,
                     fatalities: ft.properties.fatalities || 0, props: ft.properties });
        });
        if (fc.features.length === MAP_PAGE && offset + MAP_PAGE < MAP_MAX) {
          // draw what has come so far while the next page loads
          state.events = all.slice();
          setStatus(all.length + " events on the map, loading more…");
          draw();
          return page(offset + MAP_PAGE);
        }
        return all;
      });
    }
    return page(0).then(function (events) {
      if (events === null) return;
      state.events = events;
      var more = recent.older ? " from " + recent.from + " on; " + recent.older + " earlier ones not drawn " +
        "(brush the timeline or narrow the filters to see them)" :
        events.length >= MAP_MAX ? " (first " + MAP_MAX + " drawn; narrow the filters)" : "";
      setStatus(events.length + " events on the map" + more);
      document.body.dataset.older = String(recent.older);
      document.body.dataset.loading = "";
      document.body.dataset.events = String(events.length);
      draw();
    }).catch(function (e) { setStatus("could not load events: " + e.message); document.body.dataset.loading = ""; });
  }

  function loadStats() {
    state.statsLoading = getJSON("/stats" + query(currentFilters(false))).then(function (st) {
      state.weeks = st.by_week || [];
      drawTimeline();
      return st;
    });
    return state.statsLoading;
  }

  function fillSelect(select, rows, key) {
    var keep = select.value;
    rows.forEach(function (row) {
      if (!row[key]) return;
      var o = document.createElement("option");
      o.value = row[key];
      o.textContent = row[key] + " (" + row.events + ")";
      select.appendChild(o);
    });
    select.value = keep;
  }

  // ---------- map drawing ----------
  function resize() {
    var r = window.devicePixelRatio || 1, s = size();
    canvas.width = Math.round(s[0] * r);
    canvas.height = Math.round(s[1] * r);
    ctx.setTransform(r, 0, 0, r, 0, 0);
    draw();
  }

  function drawTiles() {
    var url = state.config.tiles_url;
    if (!url) return false;
    var z = Math.max(0, Math.min(19, Math.round(state.view.z))), n = Math.pow(2, z);
    var s = size(), a = toWorld(0, 0), b = toWorld(s[0], s[1]);
    var scale = TILE / n;  // world px per tile
    for (var tx = Math.floor(a[0] / scale); tx <= Math.floor(b[0] / scale); tx++) {
      for (var ty = Math.max(0, Math.floor(a[1] / scale)); ty <= Math.min(n - 1, Math.floor(b[1] / scale)); ty++) {
        var wrapped = ((tx % n) + n) % n, key = z + "/" + wrapped + "/" + ty;
        var img = state.tiles[key];
        if (!img) {
          img = state.tiles[key] = new Image();
          img.crossOrigin = "anonymous";
          img.onload = draw;
          img.src = url.replace("{z}", z).replace("{x}", wrapped).replace("{y}", ty);
        }
        if (img.complete && img.naturalWidth) {
          var p = toScreen(tx * scale, ty * scale), q = toScreen((tx + 1) * scale, (ty + 1) * scale);
          ctx.drawImage(img, p[0], p[1], q[0] - p[0] + 0.5, q[1] - p[1] + 0.5);
        }
      }
    }
    return true;
  }

  function drawWorld() {
    if (!state.world) return;
    ctx.lineWidth = 0.8;
    ctx.strokeStyle = "#9aa4b5";
    ctx.fillStyle = "#eef0e6";
    var k = Math.pow(2, state.view.z), s = size();
    var ox = s[0] / 2 - state.view.x * k, oy = s[1] / 2 - state.view.y * k;
    state.world.forEach(function (poly) {
      ctx.beginPath();
      poly.forEach(function (ring) {
        for (var i = 0; i < ring.length; i++) {
          var x = ring[i][0] * k + ox, y = ring[i][1] * k + oy;
          if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
        }
        ctx.closePath();
      });
      ctx.fill();
      ctx.stroke();
    });
  }

  function radius(fatalities) { return Math.min(22, 4 + 2.2 * Math.sqrt(fatalities || 0)); }

  function cluster() {
    var s = size(), cells = {}, order = [];
    state.events.forEach(function (ev) {
      var p = toScreen(ev.wx, ev.wy);
      if (p[0] < -30 || p[1] < -30 || p[0] > s[0] + 30 || p[1] > s[1] + 30) return;
      var key = Math.floor(p[0] / CLUSTER_PX) + ":" + Math.floor(p[1] / CLUSTER_PX);
      if (!cells[key]) { cells[key] = []; order.push(key); }
      cells[key].push({ ev: ev, x: p[0], y: p[1] });
    });
    var marks = [];
    order.forEach(function (key) {
      var items = cells[key];
      if (items.length >= CLUSTER_MIN && state.view.z < MAX_ZOOM) {
        var x = 0, y = 0, count = {}, top = null, fat = 0;
        items.forEach(function (it) {
          x += it.x; y += it.y; fat += it.ev.fatalities;
          count[it.ev.type] = (count[it.ev.type] || 0) + 1;
          if (!top || count[it.ev.type] > count[top]) top = it.ev.type;
        });
        marks.push({ x: x / items.length, y: y / items.length, r: Math.min(28, 9 + 3 * Math.log2(items.length)),
                     events: items.map(function (it) { return it.ev; }), type: top, fatalities: fat });
      } else {
        items.forEach(function (it) {
          marks.push({ x: it.x, y: it.y, r: radius(it.ev.fatalities), events: [it.ev], type: it.ev.type });
        });
      }
    });
    marks = mergeOverlapping(marks);
    // big circles first so small ones stay clickable on top
    marks.sort(function (a, b) { return b.r - a.r; });
    return marks;
  }

  /* Clusters from neighbouring cells can overlap: join them (and any single event under them)
     until no cluster overlaps another mark. */
  function mergeOverlapping(marks) {
    var merged = true;
    while (merged) {
      merged = false;
      for (var i = 0; i < marks.length && !merged; i++) {
        if (marks[i].events.length < 2) continue;
        for (var j = 0; j < marks.length; j++) {
          if (i === j) continue;
          var a = marks[i], b = marks[j], dx = a.x - b.x, dy = a.y - b.y;
          if (dx * dx + dy * dy >= (a.r + b.r) * (a.r + b.r) * 0.8) continue;
          var na = a.events.length, nb = b.events.length, events = a.events.concat(b.events);
          var c = {}, top = null;
          events.forEach(function (ev) { c[ev.type] = (c[ev.type] || 0) + 1; if (!top || c[ev.type] > c[top]) top = ev.type; });
          marks[i] = { x: (a.x * na + b.x * nb) / (na + nb), y: (a.y * na + b.y * nb) / (na + nb),
                       r: Math.min(28, 9 + 3 * Math.log2(events.length)), events: events, type: top,
                       fatalities: events.reduce(function (t, ev) { return t + ev.fatalities; }, 0) };
          marks.splice(j, 1);
          merged = true;
          break;
        }
      }
    }
    return marks;
  }

  function drawEvents() {
    var marks = cluster();
    marks.forEach(function (m) {
      var colour = COLOURS[m.type] || OTHER_COLOUR;
      ctx.beginPath();
      ctx.arc(m.x, m.y, m.r, 0, 2 * Math.PI);
      if (m.events.length > 1) {
        ctx.fillStyle = colour + "cc";
        ctx.fill();
        ctx.lineWidth = 2; ctx.strokeStyle = "#fff"; ctx.stroke();
        ctx.fillStyle = "#fff";
        ctx.font = "bold 11px system-ui, sans-serif";
        ctx.textAlign = "center"; ctx.textBaseline = "middle";
        ctx.fillText(String(m.events.length), m.x, m.y);
      } else {
        var selected = state.selected && m.events[0].id === state.selected;
        ctx.fillStyle = colour + "bb";
        ctx.fill();
        ctx.lineWidth = selected ? 3 : 1;
        ctx.strokeStyle = selected ? "#111" : "rgba(255,255,255,.9)";
        ctx.stroke();
      }
    });
    state.drawn = marks;
  }

  function draw() {
    var s = size();
    ctx.clearRect(0, 0, s[0], s[1]);
    ctx.fillStyle = BACKGROUND;
    ctx.fillRect(0, 0, s[0], s[1]);
    if (!drawTiles()) drawWorld();
    drawEvents();
  }

  function prepareWorld(geo) {
    var polys = [];
    geo.features.forEach(function (ft) {
      var g = ft.geometry;
      var list = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
      list.forEach(function (poly) {
        polys.push(poly.map(function (ring) { return ring.map(function (c) { return project(c[0], c[1]); }); }));
      });
    });
    state.world = polys;
  }

  function fit() {
    if (!state.events.length) { state.view = { x: 128, y: 128, z: 1.5 }; draw(); return; }
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    state.events.forEach(function (e) {
      x0 = Math.min(x0, e.wx); x1 = Math.max(x1, e.wx); y0 = Math.min(y0, e.wy); y1 = Math.max(y1, e.wy);
    });
    var s = size(), pad = 60;
    var zx = Math.log2((s[0] - 2 * pad) / Math.max(x1 - x0, 1e-3)), zy = Math.log2((s[1] - 2 * pad) / Math.max(y1 - y0, 1e-3));
    state.view = { x: (x0 + x1) / 2, y: (y0 + y1) / 2, z: Math.max(MIN_ZOOM, Math.min(FIT_MAX_ZOOM, zx, zy)) };
    draw();
  }

  function zoomAt(sx, sy, factor) {
    $("tooltip").hidden = true;
    var before = toWorld(sx, sy);
    state.view.z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, state.view.z + Math.log2(factor)));
    var after = toWorld(sx, sy);
    state.view.x += before[0] - after[0];
    state.view.y += before[1] - after[1];
    draw();
  }

  function hit(sx, sy) {
    for (var i = state.drawn.length - 1; i >= 0; i--) {
      var m = state.drawn[i], dx = sx - m.x, dy = sy - m.y;
      if (dx * dx + dy * dy <= (m.r + 3) * (m.r + 3)) return m;
    }
    return null;
  }

  // ---------- map interaction ----------
  var drag = null;
  canvas.addEventListener("pointerdown", function (e) {
    drag = { x: e.offsetX, y: e.offsetY, vx: state.view.x, vy: state.view.y, moved: false };
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener("pointermove", function (e) {
    if (drag) {
      var k = Math.pow(2, state.view.z), dx = e.offsetX - drag.x, dy = e.offsetY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; canvas.classList.add("dragging"); }
      if (drag.moved) { state.view.x = drag.vx - dx / k; state.view.y = drag.vy - dy / k; draw(); }
      return;
    }
    var m = hit(e.offsetX, e.offsetY), tip = $("tooltip");
    if (!m) { tip.hidden = true; canvas.style.cursor = ""; return; }
    canvas.style.cursor = "pointer";
    tip.hidden = false;
    tip.style.left = (e.offsetX + 12) + "px";
    tip.style.top = (e.offsetY + 12) + "px";
    if (m.events.length > 1) tip.textContent = m.events.length + " events (" + m.fatalities + " killed); click to zoom in";
    else {
      var p = m.events[0].props;
      tip.textContent = (p.event_date || "date unknown") + " · " + p.sub_event_type + " · " +
        (p.location || p.admin1 || p.country || "") + (p.fatalities ? " · " + p.fatalities + " killed" : "");
    }
  });
  canvas.addEventListener("pointerup", function (e) {
    var wasDrag = drag && drag.moved;
    drag = null;
    canvas.classList.remove("dragging");
    if (wasDrag) return;
    var m = hit(e.offsetX, e.offsetY);
    if (!m) return;
    if (m.events.length > 1) zoomAt(m.x, m.y, 4);
    else openEvent(m.events[0].id);
  });
  canvas.addEventListener("wheel", function (e) {
    e.preventDefault();
    zoomAt(e.offsetX, e.offsetY, e.deltaY < 0 ? 1.5 : 1 / 1.5);
  }, { passive: false });
  $("zoom-in").onclick = function () { var s = size(); zoomAt(s[0] / 2, s[1] / 2, 2); };
  $("zoom-out").onclick = function () { var s = size(); zoomAt(s[0] / 2, s[1] / 2, 0.5); };
  $("zoom-fit").onclick = fit;

  // ---------- timeline ----------
  var SVG = "http://www.w3.org/2000/svg";
  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }
  function addDays(iso, n) {
    var d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }
  var timeline = { x0: 0, step: 1, weeks: [], left: 28 };

  function drawTimeline() {
    var svg = $("timeline");
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var w = svg.clientWidth || 800, h = svg.clientHeight || 90, left = timeline.left, bottom = 16;
    var rows = state.weeks.filter(function (r) { return r.week; });
    if (!rows.length) { el("text", { x: left, y: h / 2 }, svg).textContent = "no dated events"; timeline.weeks = []; return; }
    // every week from the first to the last, empty ones included
    var byWeek = {}, weeks = [], max = 1;
    rows.forEach(function (r) { byWeek[r.week] = r; max = Math.max(max, r.events); });
    for (var wk = rows[0].week; wk <= rows[rows.length - 1].week; wk = addDays(wk, 7)) weeks.push(wk);
    var step = (w - left - 4) / weeks.length;
    timeline.weeks = weeks; timeline.step = step;
    el("text", { x: 2, y: 10 }, svg).textContent = String(max);
    el("text", { x: 2, y: h - bottom }, svg).textContent = "0";
    var lastLabel = -Infinity;
    weeks.forEach(function (wk, i) {
      var r = byWeek[wk], n = r ? r.events : 0, bh = (h - bottom - 4) * n / max, x = left + i * step;
      var inside = !state.brush || (wk >= state.brush[0] && wk <= state.brush[1]);
      if (n) {
        var bar = el("rect", { x: x, y: h - bottom - bh, width: Math.max(1, step - 1), height: bh,
                               "class": inside ? "bar" : "bar out", "data-week": wk }, svg);
        el("title", {}, bar).textContent = "week of " + wk + ": " + n + " events, " + (r.fatalities || 0) + " killed";
      }
      if (x - lastLabel > 70) {
        el("text", { x: x, y: h - 3 }, svg).textContent = wk;
        lastLabel = x;
      }
    });
    if (state.brush) {
      var a = weeks.indexOf(state.brush[0]), b = weeks.indexOf(state.brush[1]);
      if (a >= 0 && b >= 0) el("rect", { x: left + a * step, y: 0, width: (b - a + 1) * step, height: h - bottom, "class": "brush" }, svg);
    }
  }

  function weekAt(px) {
    var i = Math.floor((px - timeline.left) / timeline.step);
    return timeline.weeks[Math.max(0, Math.min(timeline.weeks.length - 1, i))];
  }
  var brushing = null;
  $("timeline").addEventListener("pointerdown", function (e) {
    if (!timeline.weeks.length) return;
    brushing = { start: weekAt(e.offsetX) };
    $("timeline").setPointerCapture(e.pointerId);
  });
  $("timeline").addEventListener("pointermove", function (e) {
    if (!brushing) return;
    var a = brushing.start, b = weekAt(e.offsetX);
    state.brush = a <= b ? [a, b] : [b, a];
    drawTimeline();
  });
  $("timeline").addEventListener("pointerup", function (e) {
    if (!brushing) return;
    var a = brushing.start, b = weekAt(e.offsetX);
    brushing = null;
    state.brush = a <= b ? [a, b] : [b, a];
    applyBrush();
  });
  function applyBrush() {
    $("brush-clear").hidden = !state.brush;
    drawTimeline();
    loadEvents();
  }
  $("brush-clear").onclick = function () { state.brush = null; applyBrush(); };

  // ---------- event panel ----------
  function text(tag, content, cls) {
    var node = document.createElement(tag);
    if (content !== undefined && content !== null) node.textContent = content;
    if (cls) node.className = cls;
    return node;
  }

  /* The report's text with each evidence span marked; long reports show the paragraphs around
     the evidence only. Built with text nodes (the report is never parsed as HTML). */
  function highlighted(article, spans) {
    var box = text("div", null, "report");
    var t = article.text || "";
    spans = spans.slice().sort(function (a, b) { return a.start - b.start; });
    var windows = [];
    if (t.length <= 2500) windows.push([0, t.length]);
    else spans.forEach(function (s) {
      var a = Math.max(0, t.lastIndexOf("\n", Math.max(0, s.start - 300))), b = t.indexOf("\n", Math.min(t.length, s.end + 300));
      if (b < 0) b = t.length;
      if (windows.length && a <= windows[windows.length - 1][1]) windows[windows.length - 1][1] = Math.max(b, windows[windows.length - 1][1]);
      else windows.push([a, b]);
    });
    windows.forEach(function (w, wi) {
      if (w[0] > 0 || wi > 0) box.appendChild(text("span", "… ", "gap"));
      var pos = w[0];
      spans.forEach(function (s) {
        if (s.end <= w[0] || s.start >= w[1] || s.start < pos) return;
        box.appendChild(document.createTextNode(t.slice(pos, s.start)));
        var mark = text("mark", t.slice(s.start, s.end), "evidence");
        mark.title = "evidence " + s.start + "–" + s.end;
        box.appendChild(mark);
        pos = s.end;
      });
      box.appendChild(document.createTextNode(t.slice(pos, w[1])));
      if (w[1] < t.length) box.appendChild(text("span", " …", "gap"));
    });
    return box;
  }

  function openEvent(id) {
    state.selected = id;
    draw();
    var panel = $("panel");
    panel.dataset.event = "";
    panel.replaceChildren(text("p", "loading…", "hint"));
    getJSON("/events/" + encodeURIComponent(id)).then(function (ev) {
      var byArticle = {};
      (ev.evidence || []).forEach(function (e) { (byArticle[e.article_id] = byArticle[e.article_id] || []).push(e); });
      var ids = Object.keys(byArticle);
      return Promise.all(ids.map(function (aid) {
        return getJSON("/articles/" + encodeURIComponent(aid)).catch(function () { return null; });
      })).then(function (articles) { renderEvent(ev, ids, articles, byArticle); });
    }).catch(function (e) { panel.replaceChildren(text("p", "could not load the event: " + e.message, "hint")); });
  }

  function renderEvent(ev, ids, articles, byArticle) {
    var panel = $("panel"), nodes = [];
    nodes.push(text("h2", ev.sub_event_type + (ev.location ? " in " + ev.location : "")));
    nodes.push(text("p", [ev.event_date || "date unknown", ev.event_type, [ev.admin1, ev.country].filter(Boolean).join(", ")]
      .filter(Boolean).join(" · "), "meta"));
    var who = [ev.actor1, ev.actor2].filter(Boolean).join(" vs ");
    if (who) nodes.push(text("p", who, "meta"));
    var counts = "fatalities: " + (ev.fatalities === null || ev.fatalities === undefined ? "not reported" : ev.fatalities);
    if (ev.fatalities_low !== null && ev.fatalities_high !== null && ev.fatalities_low !== undefined && ev.fatalities_low !== ev.fatalities_high)
      counts += " (reported " + ev.fatalities_low + "–" + ev.fatalities_high + ")";
    nodes.push(text("p", counts + " · stance: " + ev.stance + " · confidence " + Number(ev.confidence).toFixed(2), "meta"));
    if (ev.notes) nodes.push(text("p", ev.notes));
    nodes.push(text("h3", "What the reports say"));
    ids.forEach(function (aid, i) {
      var art = articles[i];
      if (!art) { byArticle[aid].forEach(function (e) { var b = text("div", null, "report"); b.appendChild(text("mark", e.text, "evidence")); nodes.push(b); }); return; }
      var head = [art.outlet, art.published, art.title].filter(Boolean).join(" · ");
      if (head) nodes.push(text("p", head, "meta"));
      nodes.push(highlighted(art, byArticle[aid]));
    });
    nodes.push(text("h3", "Sources (" + (ev.source_count || (ev.sources || []).length) + ")"));
    var ul = text("ul");
    (ev.sources || []).forEach(function (s) {
      var li = text("li");
      var label = [s.outlet || s.article_id, s.published].filter(Boolean).join(", ");
      if (s.url && /^https?:\/\//i.test(s.url)) {
        var a = text("a", label); a.href = s.url; a.rel = "noopener noreferrer"; a.target = "_blank"; li.appendChild(a);
      } else li.appendChild(document.createTextNode(label));
      if (s.claimed_by) li.appendChild(document.createTextNode(" — according to " + s.claimed_by));
      if (s.stance && s.stance !== "asserted") li.appendChild(document.createTextNode(" (" + s.stance + ")"));
      ul.appendChild(li);
    });
    nodes.push(ul);
    if (ev.history && ev.history.length) {
      nodes.push(text("h3", "History"));
      var hl = text("ul");
      ev.history.forEach(function (h) { hl.appendChild(text("li", typeof h === "string" ? h : JSON.stringify(h))); });
      nodes.push(hl);
    }
    panel.replaceChildren.apply(panel, nodes);
    panel.dataset.event = ev.event_id;
  }

  // ---------- filters ----------
  function readFilters() {
    state.filters = {
      country: $("f-country").value, event_type: $("f-type").value, actor: $("f-actor").value.trim(),
      date_from: $("f-from").value, date_to: $("f-to").value
    };
  }
  $("filters").addEventListener("submit", function (e) {
    e.preventDefault();
    readFilters();
    state.brush = null;
    $("brush-clear").hidden = true;
    Promise.all([loadStats(), loadEvents()]).then(fit);
  });
  $("f-reset").onclick = function () {
    $("filters").reset();
    readFilters();
    state.brush = null;
    $("brush-clear").hidden = true;
    Promise.all([loadStats(), loadEvents()]).then(fit);
  };
  ["f-country", "f-type", "f-from", "f-to"].forEach(function (id) {
    $(id).addEventListener("change", function () { $("filters").requestSubmit(); });
  });

  function legend() {
    var box = $("legend");
    Object.keys(COLOURS).forEach(function (name) {
      var row = document.createElement("div"), dot = document.createElement("i");
      dot.style.background = COLOURS[name];
      row.appendChild(dot);
      row.appendChild(document.createTextNode(name));
      box.appendChild(row);
    });
    box.appendChild(text("div", "circle size: fatalities; numbered: clusters"));
  }

  // ---------- start ----------
  window.eventsift = {
    // for tests and the console: where an event is drawn on the canvas (CSS pixels) and in how
    // big a cluster (1: on its own), or null when it is not on screen
    screenPosition: function (id) {
      for (var i = 0; i < state.drawn.length; i++) {
        var m = state.drawn[i];
        for (var j = 0; j < m.events.length; j++) {
          if (m.events[j].id === id) return { x: m.x, y: m.y, size: m.events.length };
        }
      }
      return null;
    },
    openEvent: openEvent,
    recentWindow: recentWindow,
    state: state
  };

  legend();
  window.addEventListener("resize", function () { resize(); drawTimeline(); });
  resize();
  getJSON("/config").then(function (cfg) {
    state.config = cfg;
    $("attribution").textContent = cfg.attribution || "";
    return cfg.tiles_url ? null : getJSON("/static/world.geojson").then(prepareWorld);
  }).catch(function () { /* the map still works without outlines */ }).then(function () {
    readFilters();
    return Promise.all([loadStats().then(function (st) {
      fillSelect($("f-country"), st.by_country || [], "country");
      fillSelect($("f-type"), st.by_event_type || [], "event_type");
    }), loadEvents()]);
  }).then(function () { fit(); document.body.dataset.ready = "1"; });
})();
