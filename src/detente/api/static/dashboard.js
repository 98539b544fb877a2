// detente dashboard: draws the charts and the map from the JSON API.
// Every piece of text from the store goes into the page as text (textContent), never as HTML.
"use strict";

(function () {
  const COOP = "#2e7d32";
  const CONF = "#c62828";

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }

  // Escape for the few places a library takes an HTML string (chart tooltips).
  function esc(value) {
    return String(value === undefined || value === null ? "" : value)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(url + ": " + response.status);
    return response.json();
  }

  function missing(container, what) {
    container.replaceChildren(el("p", "The " + what + " library is not installed: run make assets.", { class: "note" }));
  }

  function eventTable(items) {
    const table = el("table", null, { class: "events" });
    const head = el("tr");
    for (const h of ["date", "source", "type", "target", "Goldstein", "articles", "evidence"]) head.append(el("th", h));
    const thead = el("thead");
    thead.append(head);
    table.append(thead);
    const body = el("tbody");
    for (const e of items) {
      const row = el("tr", null, { class: "quad-" + e.quad_class });
      row.append(el("td", e.date || e.first_seen || ""), el("td", e.source_code || "—"), el("td", e.event_type),
                 el("td", e.target_code || "—"), el("td", e.goldstein), el("td", e.num_articles));
      const cell = el("td");
      cell.append(el("a", e.sentence || "(no sentence)", { href: "/events/" + encodeURIComponent(e.merged_id) }));
      row.append(cell);
      body.append(row);
    }
    table.append(body);
    return table;
  }

  async function showPeriod(box, point) {
    const params = new URLSearchParams({
      dyad: box.dataset.source + ":" + box.dataset.target, directed: box.dataset.directed,
      from: point.period, to: point.period_end, limit: "200",
    });
    const page = await getJSON("/api/events?" + params.toString());
    document.getElementById("period-title").textContent =
      "Events " + point.period + (point.period_end !== point.period ? " to " + point.period_end : "") +
      " (" + page.total + ")";
    const target = document.getElementById("period-events");
    target.replaceChildren(page.items.length ? eventTable(page.items) : el("p", "No events in this period.", { class: "note" }));
  }

  async function dyadChart() {
    const box = document.getElementById("chart");
    if (!box) return;
    if (typeof echarts === "undefined") return missing(box, "chart");
    // The page carries the series it was built from (the same data as the JSON API answers).
    const embedded = document.getElementById("series-data");
    const params = new URLSearchParams({ freq: box.dataset.freq, directed: box.dataset.directed });
    const series = embedded ? JSON.parse(embedded.textContent)
      : await getJSON("/api/dyads/" + encodeURIComponent(box.dataset.source) + "/" +
                      encodeURIComponent(box.dataset.target) + "/series?" + params.toString());
    const points = series.points;
    const chart = echarts.init(box);
    chart.setOption({
      animation: false,
      legend: { top: 0, data: ["cooperation", "conflict", "Goldstein mean"] },
      grid: { top: 50, left: 50, right: 60, bottom: 80 },
      tooltip: {
        trigger: "axis",
        formatter: (items) => {
          const p = points[items[0].dataIndex];
          return esc(p.period) + "<br>cooperation " + esc(p.cooperation) + "<br>conflict " + esc(p.conflict) +
            "<br>Goldstein mean " + esc(p.goldstein_mean === null ? "—" : p.goldstein_mean) +
            "<br>balance " + esc(p.balance === null ? "—" : p.balance);
        },
      },
      dataZoom: [{ type: "inside" }, { type: "slider", bottom: 10 }],
      xAxis: { type: "category", data: points.map((p) => p.period) },
      yAxis: [{ type: "value", name: "events (conflict below 0)", axisLabel: { formatter: (v) => String(Math.abs(v)) } },
              { type: "value", name: "Goldstein", min: -10, max: 10 }],
      series: [
        { name: "cooperation", type: "bar", stack: "events", color: COOP, data: points.map((p) => p.cooperation) },
        { name: "conflict", type: "bar", stack: "events", color: CONF, data: points.map((p) => -p.conflict) },
        { name: "Goldstein mean", type: "line", yAxisIndex: 1, connectNulls: true, color: "#37474f",
          symbolSize: 7, data: points.map((p) => p.goldstein_mean) },
      ],
    });
    const pick = (index) => {
      if (points[index]) showPeriod(box, points[index]).catch((error) => console.error(error));
    };
    chart.on("click", (params) => pick(params.dataIndex));
    chart.getZr().on("click", (event) => {
      if (event.target) return;  // a bar or a symbol: handled above
      const at = chart.convertFromPixel({ seriesIndex: 0 }, [event.offsetX, event.offsetY]);
      if (at && Number.isFinite(at[0])) pick(Math.round(at[0]));
    });
    window.addEventListener("resize", () => chart.resize());
    box.dataset.points = String(points.length);
    box.dataset.ready = "true";
  }

  async function networkChart() {
    const box = document.getElementById("network");
    if (!box) return;
    if (typeof echarts === "undefined") return missing(box, "chart");
    const net = await getJSON("/api/network?max_edges=60");
    const most = Math.max(1, ...net.nodes.map((n) => n.events));
    const colour = (g) => (g === null ? "#90a4ae" : g < -1 ? CONF : g > 1 ? COOP : "#90a4ae");
    const chart = echarts.init(box);
    chart.setOption({
      animation: false,
      tooltip: {
        formatter: (p) => p.dataType === "edge"
          ? esc(p.data.source) + " → " + esc(p.data.target) + ": " + esc(p.data.value) + " events, Goldstein " + esc(p.data.goldstein)
          : esc(p.data.name) + " (" + esc(p.data.label_name) + "): " + esc(p.data.value) + " events",
      },
      series: [{
        type: "graph", layout: "force", roam: true, draggable: true,
        force: { repulsion: 900, edgeLength: [140, 280], gravity: 0.08 },
        label: { show: true, position: "right" },
        edgeSymbol: ["none", "arrow"], edgeSymbolSize: 8,
        data: net.nodes.map((n) => ({ name: n.actor, label_name: n.name || n.actor, value: n.events,
                                       symbolSize: 12 + 34 * Math.sqrt(n.events / most) })),
        links: net.edges.map((d) => ({ source: d.source, target: d.target, value: d.events, goldstein: d.goldstein_mean,
                                       lineStyle: { width: 1 + Math.log2(1 + d.events), color: colour(d.goldstein_mean), curveness: 0.15 } })),
      }],
    });
    chart.on("click", (p) => {
      if (p.dataType === "edge") window.location.href = "/dyads/" + encodeURIComponent(p.data.source) + "/" + encodeURIComponent(p.data.target);
      else if (p.dataType === "node") window.location.href = "/events?actor=" + encodeURIComponent(p.data.name);
    });
    window.addEventListener("resize", () => chart.resize());
    box.dataset.nodes = String(net.nodes.length);
    box.dataset.ready = "true";
  }

  async function eventMap() {
    const box = document.getElementById("map");
    if (!box) return;
    if (typeof L === "undefined") return missing(box, "map");
    const places = await getJSON("/api/locations");
    const map = L.map(box, { worldCopyJump: true, attributionControl: false, zoomSnap: 0.5 }).setView([20, 0], 2);
    // No tiles: a graticule every 10 degrees gives the points a frame without any download.
    const grid = { color: "#c5d3e0", weight: 1, interactive: false };
    for (let lat = -80; lat <= 80; lat += 10) L.polyline([[lat, -180], [lat, 180]], grid).addTo(map);
    for (let lon = -180; lon <= 180; lon += 10) L.polyline([[-85, lon], [85, lon]], grid).addTo(map);
    const most = Math.max(1, ...places.map((p) => p.events));
    const bounds = [];
    for (const p of places) {
      const share = p.events ? p.conflict / p.events : 0;
      const marker = L.circleMarker([p.lat, p.lon], {
        radius: 6 + 18 * Math.sqrt(p.events / most), color: share > 0.5 ? CONF : COOP, weight: 2, fillOpacity: 0.5,
      }).addTo(map);
      const popup = el("div");
      popup.append(el("strong", (p.name || "?") + (p.country ? " (" + p.country + ")" : "")),
                   el("div", p.events + " events, " + p.conflict + " conflict"));
      const list = el("ul");
      for (const e of p.latest) {
        const item = el("li");
        item.append(el("a", e.date + " " + (e.source || "?") + " " + e.event_type + " " + (e.target || "?"),
                       { href: "/events/" + encodeURIComponent(e.merged_id) }));
        list.append(item);
      }
      popup.append(list);
      marker.bindPopup(popup);
      // Without tiles the names say where a point is: the busiest places keep their label on.
      marker.bindTooltip(el("span", (p.name || "?") + " " + p.events),
                         { permanent: bounds.length < 25, direction: "right", offset: [8, 0] });
      bounds.push([p.lat, p.lon]);
    }
    if (bounds.length) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 4, animate: false });
    box.dataset.points = String(places.length);
    box.dataset.ready = "true";
  }

  const pages = { dyad: dyadChart, network: networkChart, map: eventMap };
  document.addEventListener("DOMContentLoaded", () => {
    const draw = pages[document.body.dataset.page];
    if (draw) draw().catch((error) => { console.error(error); });
  });
})();
