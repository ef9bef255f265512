/* eventsift page: events per week stacked by event type (SVG), from /stats' by_week_type.
 * Dragging across it chooses weeks (the brush), which filters the map and the views; the From
 * and To fields do the same from the keyboard. */
(function () {
  "use strict";
  var ES = window.eventsift;
  var SVG = "http://www.w3.org/2000/svg";

  function node(name, attrs, parent) {
    var n = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(n);
    return n;
  }

  function Timeline(options) {
    var self = this;
    this.svg = ES.$("timeline");
    this.onBrush = options.onBrush;
    this.rows = [];
    this.brush = null;
    this.weeks = [];
    this.left = 34;
    var dragging = null, svg = this.svg;
    svg.addEventListener("pointerdown", function (e) {
      if (!self.weeks.length) return;
      dragging = { start: self.weekAt(e.offsetX) };
      svg.setPointerCapture(e.pointerId);
    });
    svg.addEventListener("pointermove", function (e) {
      if (!dragging) return;
      var a = dragging.start, b = self.weekAt(e.offsetX);
      self.brush = a <= b ? [a, b] : [b, a];
      self.draw();
    });
    svg.addEventListener("pointerup", function (e) {
      if (!dragging) return;
      var a = dragging.start, b = self.weekAt(e.offsetX);
      dragging = null;
      self.brush = a <= b ? [a, b] : [b, a];
      self.draw();
      if (self.onBrush) self.onBrush(self.brush);
    });
  }

  Timeline.prototype.weekAt = function (px) {
    var i = Math.floor((px - this.left) / this.step);
    return this.weeks[Math.max(0, Math.min(this.weeks.length - 1, i))];
  };

  Timeline.prototype.set = function (rows, brush) {
    this.rows = rows || [];
    this.brush = brush;
    this.draw();
  };

  Timeline.prototype.draw = function () {
    var svg = this.svg, self = this;
    svg.replaceChildren();
    var w = svg.clientWidth || 800, h = svg.clientHeight || 110, left = this.left, bottom = 16;
    var byWeek = {}, first = null, last = null;
    this.rows.forEach(function (r) {
      if (!r.week) return;
      var wk = byWeek[r.week] = byWeek[r.week] || { total: 0, fatalities: 0, types: {} };
      wk.total += r.events; wk.fatalities += r.fatalities || 0;
      wk.types[r.event_type] = (wk.types[r.event_type] || 0) + r.events;
      if (first === null || r.week < first) first = r.week;
      if (last === null || r.week > last) last = r.week;
    });
    if (first === null) {
      node("text", { x: left, y: h / 2 }, svg).textContent = "no dated events";
      this.weeks = []; return;
    }
    var weeks = [], max = 1;
    for (var wk = first; wk <= last; wk = ES.addDays(wk, 7)) { weeks.push(wk); if (byWeek[wk]) max = Math.max(max, byWeek[wk].total); }
    var step = this.step = (w - left - 4) / weeks.length;
    this.weeks = weeks;
    node("text", { x: 2, y: 10 }, svg).textContent = ES.fmt(max);
    node("text", { x: 2, y: h - bottom }, svg).textContent = "0";
    var scale = (h - bottom - 4) / max, lastLabel = -Infinity, brush = this.brush;
    var order = ES.TYPES.slice();
    weeks.forEach(function (wk, i) {
      var x = left + i * step, r = byWeek[wk];
      if (r) {
        var inside = !brush || (wk >= brush[0] && wk <= brush[1]);
        var g = node("g", { "class": inside ? "week" : "week out", "data-week": wk }, svg);
        var y = h - bottom, types = Object.keys(r.types).sort(function (a, b) {
          var ia = order.indexOf(a), ib = order.indexOf(b);
          return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
        });
        types.forEach(function (t) {
          var bh = r.types[t] * scale;
          y -= bh;
          node("rect", { x: x, y: y, width: Math.max(1, step - 1), height: bh, fill: ES.colour(t), "class": "bar" }, g);
        });
        node("title", {}, g).textContent = "week of " + wk + ": " + ES.fmt(r.total) + " events, " + ES.fmt(r.fatalities) +
          " killed (" + types.map(function (t) { return r.types[t] + " " + t; }).join(", ") + ")";
      }
      if (x - lastLabel > 80) { node("text", { x: x, y: h - 3 }, svg).textContent = wk; lastLabel = x; }
    });
    if (brush) {
      var a = weeks.indexOf(brush[0]), b = weeks.indexOf(brush[1]);
      if (a < 0) a = brush[0] < weeks[0] ? 0 : -1;
      if (b < 0) b = brush[1] > weeks[weeks.length - 1] ? weeks.length - 1 : -1;
      if (a >= 0 && b >= 0) node("rect", { x: left + a * step, y: 0, width: (b - a + 1) * step, height: h - bottom, "class": "brush" }, svg);
    }
    svg.setAttribute("aria-label", "events per week by type, " + weeks[0] + " to " + weeks[weeks.length - 1] +
                     ", most in one week: " + max + (brush ? "; weeks chosen: " + brush[0] + " to " + brush[1] : ""));
  };

  ES.Timeline = Timeline;
})();
