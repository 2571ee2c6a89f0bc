// precis: the pages work without this script; it only adds a card that shows a
// citation's sentence inside its paragraph on hover or focus, a way back from an
// article to the citation, a busy state on the form, and local times.
(() => {
  "use strict";

  // --- Citation cards --------------------------------------------------------
  let card = null;
  let owner = null;
  let hideTimer = 0;
  let lastCite = null;

  function target(link) {
    const id = decodeURIComponent(link.hash.slice(1));
    return id ? document.getElementById(id) : null;
  }

  // context returns the text of the paragraph around a mark, cut to a window
  // of about 240 characters either side.
  function context(mark) {
    const p = mark.closest("p");
    if (!p) return null;
    const before = document.createRange();
    before.setStart(p, 0);
    before.setEndBefore(mark);
    const after = document.createRange();
    after.setStartAfter(mark);
    after.setEnd(p, p.childNodes.length);
    let b = before.toString();
    let a = after.toString();
    if (b.length > 240) b = "…" + b.slice(b.length - 240).replace(/^\S*\s/, "");
    if (a.length > 240) a = a.slice(0, 240).replace(/\s\S*$/, "") + "…";
    return { before: b, text: mark.textContent, after: a };
  }

  function build(link) {
    const el = document.createElement("div");
    el.className = "cite-pop";
    el.id = "cite-pop";
    el.setAttribute("role", "tooltip");
    const t = target(link);
    const article = t && (t.closest("article.doc") || t);
    const head = document.createElement("p");
    head.className = "head";
    const h = article && article.querySelector("h3");
    head.textContent = h ? h.textContent.trim() : (link.dataset.label || "");
    el.appendChild(head);
    if (t && t.tagName === "MARK") {
      const c = context(t);
      if (c) {
        const p = document.createElement("p");
        p.className = "context";
        const m = document.createElement("mark");
        m.textContent = c.text;
        p.append(c.before, m, c.after);
        el.appendChild(p);
      }
    } else if (link.dataset.quote) {
      const p = document.createElement("p");
      p.className = "context";
      p.textContent = link.dataset.quote;
      el.appendChild(p);
    }
    const go = document.createElement("p");
    go.className = "go";
    go.textContent = t && t.tagName === "MARK" ? "Select to read it in the article." : "Select to read the article.";
    el.appendChild(go);
    el.addEventListener("mouseenter", () => clearTimeout(hideTimer));
    el.addEventListener("mouseleave", hideSoon);
    return el;
  }

  function show(link) {
    clearTimeout(hideTimer);
    if (owner === link && card) return;
    hide();
    card = build(link);
    owner = link;
    document.body.appendChild(card);
    link.setAttribute("aria-describedby", "cite-pop");
    const r = link.getBoundingClientRect();
    const width = card.offsetWidth;
    let left = window.scrollX + r.left + r.width / 2 - width / 2;
    left = Math.max(window.scrollX + 8, Math.min(left, window.scrollX + document.documentElement.clientWidth - width - 8));
    let top = window.scrollY + r.bottom + 8;
    if (r.bottom + card.offsetHeight + 16 > window.innerHeight && r.top > card.offsetHeight + 16) {
      top = window.scrollY + r.top - card.offsetHeight - 8;
    }
    card.style.left = left + "px";
    card.style.top = top + "px";
  }

  function hide() {
    clearTimeout(hideTimer);
    if (card) card.remove();
    if (owner) owner.removeAttribute("aria-describedby");
    card = null;
    owner = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 200);
  }

  for (const link of document.querySelectorAll("a.cite")) {
    // The card replaces the native tooltip, which stays for browsers without script.
    if (link.title) {
      const sep = link.title.indexOf(": ");
      if (sep >= 0) link.dataset.quote = link.title.slice(sep + 2);
      link.removeAttribute("title");
    }
    link.addEventListener("mouseenter", () => show(link));
    link.addEventListener("mouseleave", hideSoon);
    link.addEventListener("focus", () => show(link));
    link.addEventListener("blur", hideSoon);
    link.addEventListener("click", () => {
      lastCite = link;
      hide();
    });
  }
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") hide();
  });

  // --- After following a citation: mark the words, offer the way back --------
  let back = null;
  function arrived() {
    for (const el of document.querySelectorAll(".flash")) el.classList.remove("flash");
    const id = decodeURIComponent(location.hash.slice(1));
    const t = id && document.getElementById(id);
    if (!t) return;
    t.classList.add("flash");
    if (t.tagName === "MARK") t.focus({ preventScroll: true });
    if (lastCite && !back) {
      back = document.createElement("button");
      back.type = "button";
      back.className = "back-to-cite";
      back.textContent = "Back to the citation";
      back.addEventListener("click", () => {
        const c = lastCite;
        back.remove();
        back = null;
        if (c) {
          c.scrollIntoView({ block: "center" });
          c.focus({ preventScroll: true });
        }
      });
      document.body.appendChild(back);
    }
  }
  window.addEventListener("hashchange", arrived);
  if (location.hash) arrived();

  // --- The form: a busy state while the brief is made -------------------------
  const form = document.querySelector("form.new-brief");
  if (form) {
    const button = form.querySelector("button[type=submit]");
    form.addEventListener("submit", () => {
      form.setAttribute("aria-busy", "true");
      button.disabled = true;
      button.textContent = "Making the brief…";
    });
    window.addEventListener("pageshow", () => {
      form.removeAttribute("aria-busy");
      button.disabled = false;
      button.textContent = "Make the brief";
    });
  }

  // --- Times in the reader's time zone ----------------------------------------
  for (const t of document.querySelectorAll("time[datetime*='T']")) {
    const d = new Date(t.getAttribute("datetime"));
    if (!isNaN(d)) t.textContent = d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  }
})();
