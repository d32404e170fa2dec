// podwhy's page: the current findings grouped by namespace and owner, each
// opening to its evidence and fix commands, kept live by the server's event
// stream. Every word comes from the server's catalog (/api/v1/i18n); all
// cluster text is inserted as text, never as HTML.
"use strict";

// The language: the one chosen here before, else the browser's.
function initialLang() {
  const saved = localStorage.getItem("podwhy.lang");
  if (saved === "en" || saved === "zh") return saved;
  return (navigator.language || "en").toLowerCase().startsWith("zh") ? "zh" : "en";
}

const state = {
  lang: initialLang(),
  texts: {},
  findings: new Map(), // id → finding (report schema)
  fresh: new Set(),    // ids opened since the page loaded
  open: new Set(),     // ids whose details are shown
  summary: "",
  now: null,
  source: null,
};

const $ = (id) => document.getElementById(id);

// t renders a catalog text, filling %[n]s / %[n]d verbs.
function t(key, ...args) {
  const s = state.texts[key];
  if (s === undefined) return key;
  return s.replace(/%\[(\d+)\][sdv]/g, (_, n) => String(args[Number(n) - 1] ?? ""));
}

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const k of kids.flat()) {
    if (k === null || k === undefined || k === false) continue;
    e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return e;
}

async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  if (!r.ok) throw new Error(url + ": " + r.status);
  return r.json();
}

async function loadTexts() {
  const d = await getJSON("api/v1/i18n?lang=" + state.lang);
  state.texts = d.texts;
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  document.title = t("web.title");
  $("title").textContent = t("web.title");
  $("lang").textContent = t("web.language");
  $("f-q").placeholder = t("web.search");
  for (const n of document.querySelectorAll("[data-t]")) n.textContent = t(n.dataset.t);
}

async function loadFindings() {
  let doc;
  try {
    doc = await getJSON("api/v1/findings?lang=" + state.lang);
  } catch (e) {
    setConn("syncing");
    setTimeout(loadFindings, 1000);
    return;
  }
  state.findings = new Map(doc.findings.map((f) => [f.id, f]));
  state.summary = doc.summary.text;
  state.now = doc.now;
  $("notes").textContent = (doc.notes || []).join("\n");
  render();
  const want = decodeURIComponent(location.hash.slice(1));
  if (want && state.findings.has(want)) {
    state.open.add(want);
    render();
    document.getElementById("f-" + want)?.scrollIntoView({ block: "start" });
  }
}

function setConn(s) {
  const c = $("conn");
  c.dataset.state = s;
  c.textContent = s === "live" ? t("web.live") : s === "offline" ? t("web.offline") : t("web.syncing");
}

function connect() {
  if (state.source) state.source.close();
  const es = new EventSource("api/v1/events?lang=" + state.lang);
  state.source = es;
  // The stream says hello after subscribing: fetching then misses nothing.
  es.addEventListener("hello", (m) => {
    const st = JSON.parse(m.data);
    setConn(st.ready ? "live" : "syncing");
    loadFindings();
  });
  es.addEventListener("resync", () => loadFindings());
  es.addEventListener("opened", (m) => {
    const f = JSON.parse(m.data);
    state.findings.set(f.id, f);
    state.fresh.add(f.id);
  });
  es.addEventListener("updated", (m) => {
    const f = JSON.parse(m.data);
    state.findings.set(f.id, f);
  });
  es.addEventListener("resolved", (m) => {
    const r = JSON.parse(m.data);
    state.findings.delete(r.id);
    state.open.delete(r.id);
    const f = r.finding;
    toast(t("web.resolved-toast", (f.namespace ? f.namespace + "/" : "") + f.subject.name + " · " + f.reason));
  });
  es.addEventListener("scan", (m) => {
    const d = JSON.parse(m.data);
    state.summary = d.summary.text;
    state.now = d.now;
    setConn("live");
    render();
  });
  es.onerror = () => {
    setConn("offline");
    // A refused stream (503: too many open) is not retried by the browser.
    if (es.readyState === EventSource.CLOSED) setTimeout(() => { if (state.source === es) connect(); }, 10000);
  };
}

let toastTimer;
function toast(msg) {
  const n = $("toast");
  n.textContent = msg;
  n.classList.add("show");
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => n.classList.remove("show"), 4000);
}

function fillSelect(sel, values, label) {
  const cur = sel.value;
  sel.replaceChildren(el("option", { value: "" }, t("web.all")), ...values.map((v) => el("option", { value: v }, label ? label(v) : v)));
  sel.value = values.includes(cur) ? cur : "";
}

function filtered() {
  const ns = $("f-ns").value, cls = $("f-class").value, sev = $("f-sev").value;
  const q = $("f-q").value.trim().toLowerCase();
  return [...state.findings.values()].filter((f) => {
    if (ns && (f.namespace || "") !== (ns === "-" ? "" : ns)) return false;
    if (cls && f.class !== cls) return false;
    if (sev && f.severity !== sev) return false;
    if (!q) return true;
    const hay = [f.reason, f.class, f.headline, f.subject.kind, f.subject.name, f.namespace, f.container, f.id,
      ...(f.pods || []).map((p) => p.name + " " + (p.node || "")), ...(f.evidence || []).map((e) => e.text)].join(" ").toLowerCase();
    return hay.includes(q);
  });
}

const sevRank = { error: 0, warning: 1, info: 2 };

function render() {
  const all = [...state.findings.values()];
  const nss = [...new Set(all.map((f) => f.namespace || "-"))].sort();
  fillSelect($("f-ns"), nss, (v) => (v === "-" ? t("web.cluster") : v));
  fillSelect($("f-class"), [...new Set(all.map((f) => f.class))].sort());
  fillSelect($("f-sev"), ["error", "warning", "info"], (v) => t("sev." + v));
  $("summary").textContent = state.summary + (state.now ? " · " + t("web.updated-at", new Date(state.now).toLocaleTimeString()) : "");

  const list = filtered();
  // A finding caused by another one on the page is shown inside its
  // root's card (a cause chain, root first), not in its own group.
  const shown = new Set(list.map((f) => f.id));
  const nested = new Set(list.filter((f) => (f.causedBy || []).some((id) => shown.has(id) && id !== f.id)).map((f) => f.id));
  const main = $("list");
  if (list.length === 0) {
    main.replaceChildren(el("p", { class: "empty" }, state.findings.size === 0 && !state.summary ? t("web.syncing") : t("web.empty")));
    return;
  }
  // namespace → owner → findings; namespaces by name (cluster-scoped last),
  // owners by their worst severity.
  const byNS = new Map();
  for (const f of list) {
    if (nested.has(f.id)) continue;
    const ns = f.namespace || "";
    if (!byNS.has(ns)) byNS.set(ns, new Map());
    const owner = f.subject.kind + "/" + f.subject.name;
    const owners = byNS.get(ns);
    if (!owners.has(owner)) owners.set(owner, []);
    owners.get(owner).push(f);
  }
  const sections = [...byNS.keys()].sort((a, b) => (a === "") - (b === "") || a.localeCompare(b)).map((ns) => {
    const owners = [...byNS.get(ns).entries()].map(([k, fs]) => [k, fs.sort((a, b) => sevRank[a.severity] - sevRank[b.severity] || a.reason.localeCompare(b.reason))]);
    owners.sort((a, b) => sevRank[a[1][0].severity] - sevRank[b[1][0].severity] || a[0].localeCompare(b[0]));
    const n = owners.reduce((s, [, fs]) => s + fs.length, 0);
    return el("section", { class: "ns" },
      el("h2", {}, ns || t("web.cluster"), el("span", { class: "count" }, " · " + n)),
      owners.map(([, fs]) => el("div", { class: "owner" },
        el("h3", {}, el("span", { class: "kind" }, fs[0].subject.kind), fs[0].subject.name),
        fs.map((f) => card(f, nested, new Set())))));
  });
  main.replaceChildren(...sections);
}

function chainLink(label, id) {
  const o = state.findings.get(id);
  const text = o ? o.subject.kind + " " + (o.namespace ? o.namespace + "/" : "") + o.subject.name + " · " + o.reason : id;
  return el("div", { class: "chain" }, label + " ", el("a", { href: "#f-" + id }, text));
}

function card(f, nested, seen) {
  nested = nested || new Set();
  seen = seen || new Set();
  seen.add(f.id);
  const open = state.open.has(f.id);
  const pods = f.pods || [];
  let podsText = "";
  if (f.subject.kind !== "Pod" && f.subject.kind !== "Node" && pods.length) {
    podsText = f.podsTotal ? t("report.pods-of", pods.length, f.podsTotal) : t("report.pods-n", pods.length);
  }
  const head = el("button", { class: "head", type: "button", "aria-expanded": String(open), onclick: () => toggle(f.id) },
    el("div", { class: "line1" },
      el("span", { class: "sev " + f.severity }, t("sev." + f.severity)),
      el("span", { class: "reason" }, f.class + " · " + f.reason),
      podsText && el("span", { class: "meta" }, podsText),
      f.container && el("span", { class: "meta" }, t("report.container", f.container)),
      state.fresh.has(f.id) && el("span", { class: "meta" }, "● " + t("web.new")),
      el("span", { class: "id" }, f.id)),
    el("div", { class: "headline" }, f.headline));
  const box = el("article", { class: "finding" + (state.fresh.has(f.id) ? " new" : ""), id: "f-" + f.id }, head);
  for (const id of f.causedBy || []) box.append(chainLink(t("report.caused-by"), id));
  if (open) box.append(details(f));
  const effects = (f.causes || []).filter((id) => nested.has(id) && !seen.has(id) && state.findings.has(id));
  if (effects.length) {
    box.append(el("div", { class: "effects" }, effects.map((id) => card(state.findings.get(id), nested, seen))));
  }
  return box;
}

function toggle(id) {
  if (state.open.has(id)) {
    state.open.delete(id);
    history.replaceState(null, "", location.pathname + location.search);
  } else {
    state.open.add(id);
    history.replaceState(null, "", "#" + encodeURIComponent(id));
  }
  state.fresh.delete(id);
  render();
}

function ago(iso) {
  if (!iso || !state.now) return "";
  const s = Math.max(0, (new Date(state.now) - new Date(iso)) / 1000);
  if (s < 60) return Math.round(s) + "s";
  if (s < 3600) return Math.round(s / 60) + "m";
  if (s < 172800) return Math.round(s / 3600) + "h";
  return Math.round(s / 86400) + "d";
}

function details(f) {
  const d = el("div", { class: "details" });
  const pods = f.pods || [];
  if (pods.length) {
    d.append(el("h4", {}, t("web.pods")), el("table", { class: "pods" }, pods.slice(0, 50).map((p) =>
      el("tr", {}, el("td", {}, p.name), el("td", {}, p.status), el("td", {}, p.node || ""), el("td", {}, p.restarts ? t("report.restarts", p.restarts) : "")))));
  }
  if (f.evidence && f.evidence.length) {
    d.append(el("h4", {}, t("report.evidence").replace(/[:：]$/, "")), el("ul", {}, f.evidence.map((e) => {
      const obj = (e.object.kind || "").toLowerCase() + (e.object.name ? "/" + e.object.name : "");
      const label = e.kind === "event"
        ? e.reason + (e.count > 1 ? " ×" + e.count : "") + (e.lastSeen ? " · " + ago(e.lastSeen) : "") + " (" + obj + ")"
        : obj + (e.field ? " " + e.field : "");
      return el("li", {}, label, e.text && el("pre", {}, e.text), e.note && el("div", { class: "note" }, e.note));
    })));
  }
  if (f.explanation) d.append(el("h4", {}, t("report.why").replace(/[:：]$/, "")), el("p", {}, f.explanation));
  for (const u of f.unchecked || []) d.append(el("p", { class: "note" }, t("report.unchecked") + " " + u));
  if (f.steps && f.steps.length) {
    d.append(el("h4", {}, t("report.next").replace(/[:：]$/, "")), el("ol", { class: "steps" }, f.steps.map((s) =>
      el("li", {}, s.text, s.changesCluster && el("span", { class: "changes" }, " " + t("report.changes")),
        s.command && el("div", { class: "cmd" }, el("pre", {}, "$ " + s.command),
          el("button", { type: "button", onclick: (ev) => copy(ev.target, s.command) }, t("web.copy")))))));
  }
  if (f.since) d.append(el("p", { class: "note" }, t("web.since", new Date(f.since).toLocaleString())));
  return d;
}

async function copy(btn, text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = el("textarea", {}, text);
    document.body.append(ta);
    ta.select();
    document.execCommand("copy");
    ta.remove();
  }
  btn.textContent = t("web.copied");
  setTimeout(() => (btn.textContent = t("web.copy")), 1500);
}

async function switchLang() {
  state.lang = state.lang === "zh" ? "en" : "zh";
  localStorage.setItem("podwhy.lang", state.lang);
  await loadTexts();
  connect(); // its hello refetches the findings in the new language
}

$("filters").addEventListener("submit", (ev) => ev.preventDefault());
for (const id of ["f-ns", "f-class", "f-sev"]) $(id).addEventListener("change", render);
$("f-q").addEventListener("input", render);
$("lang").addEventListener("click", switchLang);
loadTexts().then(() => {
  setConn("syncing");
  connect();
});
