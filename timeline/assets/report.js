// The report page's filters and search (timeline report). Runs offline, needs no library but
// the plotly.js already on the page. Text from the events file is only ever read from the DOM
// (textContent, dataset) and written back as text nodes: never as HTML.
(function () {
  "use strict";
  var table = document.getElementById("events-table");
  if (!table) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var chart = document.getElementById(table.getAttribute("data-chart"));
  var controls = {
    track: document.getElementById("filter-track"),
    actor: document.getElementById("filter-actor"),
    tag: document.getElementById("filter-tag"),
    search: document.getElementById("search"),
  };
  var count = document.getElementById("count");

  function list(row, name) {
    try { return JSON.parse(row.getAttribute("data-" + name) || "[]"); } catch (e) { return []; }
  }

  function fold(text) { return String(text).toLocaleLowerCase(); }

  var info = rows.map(function (row) {
    return {
      row: row,
      id: row.getAttribute("data-id"),
      track: row.getAttribute("data-track"),
      actors: list(row, "actors").map(fold),
      tags: list(row, "tags").map(fold),
      // Search the event itself (title, actors, place, tags, description, track), not the
      // titles of its sources: those are shared by many events and would match them all.
      text: fold(Array.prototype.map.call(
        row.querySelectorAll(".event-title, .event-details, .event-description, td.track"),
        function (el) { return el.textContent; }).join(" ")),
      title: row.querySelector(".event-title"),
      original: row.querySelector(".event-title") ? row.querySelector(".event-title").textContent : "",
    };
  });

  function highlight(item, query) {
    var el = item.title;
    if (!el) return;
    while (el.firstChild) el.removeChild(el.firstChild);
    var text = item.original;
    if (!query) { el.appendChild(document.createTextNode(text)); return; }
    var lower = fold(text), at = 0, found;
    while ((found = lower.indexOf(query, at)) !== -1 && query.length) {
      el.appendChild(document.createTextNode(text.slice(at, found)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(found, found + query.length);
      el.appendChild(mark);
      at = found + query.length;
    }
    el.appendChild(document.createTextNode(text.slice(at)));
  }

  // Markers and labels dim by point (selectedpoints; their "unselected" look is in the
  // figure). A band or interval bar is a line, which plotly cannot dim a piece at a time: the
  // report gives each its own trace (customdata = its event's id) and dims the whole trace.
  var DIMMED = 0.12;

  function updateChart(shown, matched, searching) {
    if (!chart || !chart.data || !window.Plotly) return;
    var keep = searching ? matched : shown;
    var traces = [], selected = [], lines = [], opacity = [];
    chart.data.forEach(function (trace, index) {
      if (!trace.customdata) return;
      if (trace.mode === "lines") {
        lines.push(index);
        opacity.push(keep.has(trace.customdata[0]) ? 1 : DIMMED);
        return;
      }
      traces.push(index);
      var all = true, picked = [];
      trace.customdata.forEach(function (id, n) {
        if (keep.has(id)) picked.push(n); else all = false;
      });
      selected.push(all ? null : picked);
    });
    if (traces.length) window.Plotly.restyle(chart, { selectedpoints: selected }, traces);
    if (lines.length) window.Plotly.restyle(chart, { opacity: opacity }, lines);
  }

  function apply() {
    var track = controls.track ? controls.track.value : "";
    var actor = controls.actor ? fold(controls.actor.value) : "";
    var tag = controls.tag ? fold(controls.tag.value) : "";
    var query = controls.search ? fold(controls.search.value.trim()) : "";
    var shown = new Set(), matched = new Set(), visible = 0, hits = 0;
    info.forEach(function (item) {
      var pass = (!track || item.track === track) &&
        (!actor || item.actors.indexOf(actor) !== -1) &&
        (!tag || item.tags.indexOf(tag) !== -1);
      var match = pass && query !== "" && item.text.indexOf(query) !== -1;
      item.row.hidden = !pass;
      item.row.classList.toggle("match", match);
      highlight(item, match ? query : "");
      if (pass) { shown.add(item.id); visible += 1; }
      if (match) { matched.add(item.id); hits += 1; }
    });
    if (count) {
      count.textContent = visible + " of " + info.length + " events shown" +
        (query ? ", " + hits + " matching \u201c" + controls.search.value.trim() + "\u201d" : "");
    }
    updateChart(shown, matched, query !== "");
  }

  ["track", "actor", "tag"].forEach(function (name) {
    if (controls[name]) controls[name].addEventListener("change", apply);
  });
  if (controls.search) controls.search.addEventListener("input", apply);
  var reset = document.getElementById("reset");
  if (reset) {
    reset.addEventListener("click", function () {
      ["track", "actor", "tag", "search"].forEach(function (name) {
        if (controls[name]) controls[name].value = "";
      });
      apply();
    });
  }
  if (chart && chart.on) {
    chart.on("plotly_click", function (event) {
      var point = event && event.points && event.points[0];
      if (point && point.customdata) {
        var row = document.getElementById("event-" + point.customdata);
        if (row) { location.hash = row.id; }
      }
    });
  }
  apply();
})();
