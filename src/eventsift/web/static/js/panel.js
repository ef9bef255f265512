/* eventsift page: the side panel. Overview of the current filter (counts, top actors, top
 * places, the latest events as a keyboard-reachable list) and, for a chosen event, the report's
 * text with its evidence sentences highlighted, and its sources. */
(function () {
  "use strict";
  var ES = window.eventsift, el = ES.el;
  var LIST_LENGTH = 25;

  function Panel(options) {
    this.options = options;
    this.overview = ES.$("overview");
    this.detail = ES.$("detail");
  }

  function button(label, onClick, cls) {
    var b = el("button", label, cls);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  Panel.prototype.showOverview = function (stats, points) {
    var o = this.options, nodes = [];
    nodes.push(el("h2", "These filters"));
    nodes.push(el("p", ES.fmt(stats.events) + " events, " + ES.fmt(stats.fatalities) + " killed" +
      (stats.date_min ? " · " + stats.date_min + " to " + stats.date_max : ""), "meta"));
    if (points && !points.complete)
      nodes.push(el("p", "The map shows the latest " + ES.fmt(points.count) + "; narrow the filters or choose weeks to see the others.", "hint"));

    function table(title, rows, label, onPick, pickLabel) {
      if (!rows || !rows.length) return;
      nodes.push(el("h3", title));
      var ol = el("ol", null, "top");
      rows.forEach(function (r) {
        var li = el("li");
        li.appendChild(button(label(r), function () { onPick(r); }, "link"));
        li.lastChild.setAttribute("aria-label", pickLabel(r));
        li.appendChild(el("span", ES.fmt(r.events) + " · " + ES.fmt(r.fatalities) + " killed", "n"));
        ol.appendChild(li);
      });
      nodes.push(ol);
    }
    table("Top actors", stats.top_actors, function (r) { return r.actor; }, o.onActor,
          function (r) { return "filter by actor " + r.actor; });
    table("Top places", stats.top_places, function (r) { return [r.location, r.admin1, r.country].filter(Boolean).join(", "); },
          o.onPlace, function (r) { return "show " + r.location + " on the map"; });

    var events = points ? points.rows.slice(-LIST_LENGTH).reverse() : [];
    if (events.length) {
      var c = {};
      points.columns.forEach(function (name, i) { c[name] = i; });
      nodes.push(el("h3", "Latest events"));
      var ul = el("ul", null, "events");
      ul.setAttribute("aria-label", "latest events: Enter opens the evidence");
      events.forEach(function (r) {
        var li = el("li"), id = r[c.event_id];
        var dot = el("i"); dot.style.background = ES.colour(r[c.event_type]); dot.setAttribute("aria-hidden", "true");
        var b = button("", function () { o.onSelect(id); }, "event");
        b.dataset.event = id;
        b.appendChild(dot);
        b.appendChild(document.createTextNode([r[c.event_date] || "date unknown", r[c.event_type],
          [r[c.location], r[c.country]].filter(Boolean).join(", "), (r[c.fatalities] || 0) + " killed"].join(" · ")));
        li.appendChild(b);
        ul.appendChild(li);
      });
      nodes.push(ul);
    } else nodes.push(el("p", "No events match these filters.", "hint"));
    this.overview.replaceChildren.apply(this.overview, nodes);
  };

  /* The report's text with each evidence span marked; long reports show the paragraphs around
     the evidence only. Built with text nodes (the report is never parsed as HTML). */
  function highlighted(article, spans) {
    var box = el("div", null, "report");
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
      if (w[0] > 0 || wi > 0) box.appendChild(el("span", "… ", "gap"));
      var pos = w[0];
      spans.forEach(function (s) {
        if (s.end <= w[0] || s.start >= w[1] || s.start < pos) return;
        box.appendChild(document.createTextNode(t.slice(pos, s.start)));
        var mark = el("mark", t.slice(s.start, s.end), "evidence");
        mark.title = "evidence " + s.start + "–" + s.end;
        box.appendChild(mark);
        pos = s.end;
      });
      box.appendChild(document.createTextNode(t.slice(pos, w[1])));
      if (w[1] < t.length) box.appendChild(el("span", " …", "gap"));
    });
    return box;
  }

  /* show event ``id``: resolves with the event record (or null when it cannot be read) */
  Panel.prototype.showEvent = function (id) {
    var self = this, detail = this.detail;
    this.overview.hidden = true;
    detail.hidden = false;
    detail.dataset.event = "";
    ES.$("panel").dataset.event = "";
    detail.replaceChildren(el("p", "loading…", "hint"));
    return ES.getJSON("/events/" + encodeURIComponent(id)).then(function (ev) {
      var byArticle = {};
      (ev.evidence || []).forEach(function (e) { (byArticle[e.article_id] = byArticle[e.article_id] || []).push(e); });
      var ids = Object.keys(byArticle);
      return Promise.all(ids.map(function (aid) {
        return ES.getJSON("/articles/" + encodeURIComponent(aid)).catch(function () { return null; });
      })).then(function (articles) { self.render(ev, ids, articles, byArticle); return ev; });
    }).catch(function (e) {
      detail.replaceChildren(button("← All events", self.options.onClose, "back"),
                             el("p", "could not load the event " + id + ": " + e.message, "hint"));
      return null;
    });
  };

  Panel.prototype.render = function (ev, ids, articles, byArticle) {
    var nodes = [button("← All events", this.options.onClose, "back")];
    var title = el("h2", ev.sub_event_type + (ev.location ? " in " + ev.location : ""));
    title.tabIndex = -1;
    nodes.push(title);
    nodes.push(el("p", [ev.event_date || "date unknown", ev.event_type, [ev.admin1, ev.country].filter(Boolean).join(", ")]
      .filter(Boolean).join(" · "), "meta"));
    var who = [ev.actor1, ev.actor2].filter(Boolean).join(" vs ");
    if (who) nodes.push(el("p", who, "meta"));
    var counts = "fatalities: " + (ev.fatalities === null || ev.fatalities === undefined ? "not reported" : ev.fatalities);
    if (ev.fatalities_low !== null && ev.fatalities_high !== null && ev.fatalities_low !== undefined && ev.fatalities_low !== ev.fatalities_high)
      counts += " (reported " + ev.fatalities_low + "–" + ev.fatalities_high + ")";
    nodes.push(el("p", counts + " · stance: " + ev.stance + " · confidence " + Number(ev.confidence).toFixed(2), "meta"));
    if (ev.notes) nodes.push(el("p", ev.notes));
    nodes.push(el("h3", "What the reports say"));
    ids.forEach(function (aid, i) {
      var art = articles[i];
      if (!art) {
        byArticle[aid].forEach(function (e) { var b = el("div", null, "report"); b.appendChild(el("mark", e.text, "evidence")); nodes.push(b); });
        return;
      }
      var head = [art.outlet, art.published, art.title].filter(Boolean).join(" · ");
      if (head) nodes.push(el("p", head, "meta"));
      nodes.push(highlighted(art, byArticle[aid]));
    });
    nodes.push(el("h3", "Sources (" + (ev.source_count || (ev.sources || []).length) + ")"));
    var ul = el("ul", null, "sources");
    (ev.sources || []).forEach(function (s) {
      var li = el("li");
      var label = [s.outlet || s.article_id, s.published].filter(Boolean).join(", ");
      if (s.url && /^https?:\/\//i.test(s.url)) {
        var a = el("a", label); a.href = s.url; a.rel = "noopener noreferrer"; a.target = "_blank"; li.appendChild(a);
      } else li.appendChild(document.createTextNode(label));
      if (s.claimed_by) li.appendChild(document.createTextNode(" — according to " + s.claimed_by));
      if (s.stance && s.stance !== "asserted") li.appendChild(document.createTextNode(" (" + s.stance + ")"));
      ul.appendChild(li);
    });
    nodes.push(ul);
    if (ev.history && ev.history.length) {
      nodes.push(el("h3", "History"));
      var hl = el("ul");
      ev.history.forEach(function (h) { hl.appendChild(el("li", typeof h === "string" ? h : JSON.stringify(h))); });
      nodes.push(hl);
    }
    this.detail.replaceChildren.apply(this.detail, nodes);
    this.detail.dataset.event = ev.event_id;
    ES.$("panel").dataset.event = ev.event_id;
  };

  Panel.prototype.closeEvent = function () {
    this.detail.hidden = true;
    this.detail.replaceChildren();
    ES.$("panel").dataset.event = "";
    this.overview.hidden = false;
  };

  ES.Panel = Panel;
})();
