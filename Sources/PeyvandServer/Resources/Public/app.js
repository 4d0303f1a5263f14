// Peyvand: small enhancements only; every page works without this file.
"use strict";

// Ask before destructive one-button forms (delete) that carry data-confirm.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  const question = button && button.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});

// Pipeline board: dropping a card on a column submits the card's own stage form, so the server
// decides (and a lost stage can ask for its reason) exactly as without JavaScript.
document.querySelectorAll("[data-board]").forEach((board) => {
  let dragged = null;
  board.addEventListener("dragstart", (event) => {
    dragged = event.target.closest(".board-card");
    if (!dragged) return;
    dragged.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", dragged.dataset.id);
  });
  board.addEventListener("dragend", () => {
    if (dragged) dragged.classList.remove("dragging");
    board.querySelectorAll(".drop-target").forEach((column) => column.classList.remove("drop-target"));
  });
  board.addEventListener("dragover", (event) => {
    const column = event.target.closest(".board-column");
    if (!dragged || !column) return;
    event.preventDefault();
    board.querySelectorAll(".drop-target").forEach((other) => { if (other !== column) other.classList.remove("drop-target"); });
    column.classList.add("drop-target");
  });
  board.addEventListener("drop", (event) => {
    const column = event.target.closest(".board-column");
    if (!dragged || !column) return;
    event.preventDefault();
    const form = dragged.querySelector(".move-form");
    const select = form.querySelector("select[name=stage_id]");
    if (select.value === column.dataset.stage) return;
    select.value = column.dataset.stage;
    form.requestSubmit();
  });
});

// Global search: suggestions as the user types, from /search/suggestions (an HTML fragment).
document.querySelectorAll("input[data-suggest]").forEach((input) => {
  const list = document.createElement("div");
  list.className = "suggestions-host";
  input.after(list);
  let timer = null;
  let latest = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query.length < 2) { list.innerHTML = ""; return; }
    timer = setTimeout(async () => {
      const ticket = ++latest;
      const response = await fetch(`${input.dataset.suggest}?q=${encodeURIComponent(query)}`, { credentials: "same-origin" });
      if (!response.ok || ticket !== latest) return;
      list.innerHTML = await response.text();
    }, 200);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") list.innerHTML = "";
    if (event.key === "ArrowDown") { const first = list.querySelector("a"); if (first) { event.preventDefault(); first.focus(); } }
  });
});

// A box naming a record (an account, a line's product): matching records fill its <datalist> as
// the user types; picking one stores its id in the hidden field named by data-pick-into, so two
// records with the same name stay apart. Without the script the server matches the typed text.
document.querySelectorAll("input[data-pick]").forEach((input) => {
  const options = document.getElementById(input.getAttribute("list"));
  const idName = input.dataset.pickInto;
  let timer = null;
  let latest = 0;
  const remember = () => {
    const picked = Array.from(options.options).find((option) => option.value === input.value);
    if (!picked) return;
    let hidden = input.form.querySelector(`input[type=hidden][name="${idName}"]`);
    if (!hidden) {
      hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = idName;
      input.after(hidden);
    }
    hidden.value = picked.dataset.id;
  };
  input.addEventListener("input", () => {
    remember();
    clearTimeout(timer);
    const query = input.value.trim();
    if (query.length < 2) return;
    timer = setTimeout(async () => {
      const ticket = ++latest;
      const response = await fetch(`${input.dataset.pick}?q=${encodeURIComponent(query)}`, { credentials: "same-origin" });
      if (!response.ok || ticket !== latest) return;
      options.innerHTML = await response.text();
      remember();
    }, 200);
  });
  input.addEventListener("change", remember);
});

// Quote editor: after a pause in typing, ask the server to recalculate (the same "Recalculate"
// the button does without JavaScript) and show its totals; nothing is saved.
document.querySelectorAll("form.quote-editor").forEach((form) => {
  let timer = null;
  let latest = 0;
  const refresh = async () => {
    const ticket = ++latest;
    const body = new URLSearchParams(new FormData(form));
    body.set("intent", "preview");
    const response = await fetch(form.action, { method: "POST", body, credentials: "same-origin" });
    if (ticket !== latest) return;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.getElementById("quote-preview");
    const current = document.getElementById("quote-preview");
    if (fresh && current) current.replaceWith(fresh);
    else if (fresh) form.after(fresh);
    else if (current) current.remove();
  };
  form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(refresh, 400); });
  form.addEventListener("change", () => { clearTimeout(timer); timer = setTimeout(refresh, 100); });
});

// Date fields: a month calendar under the box, in the page's calendar (Jalali on Persian pages,
// Gregorian on English ones). Typing still works; the picker only fills the same text the server
// reads (۱۴۰۵/۰۹/۰۳ or 2026-11-24), keeping a time typed after the day.
(() => {
  const calendar = document.documentElement.dataset.calendar || "persian";
  const persian = calendar === "persian";
  const parts = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, { timeZone: "UTC", year: "numeric", month: "numeric", day: "numeric" });
  const monthName = new Intl.DateTimeFormat(persian ? "fa-IR-u-ca-persian" : "en-GB-u-ca-gregory", { timeZone: "UTC", month: "long" });
  const dayDigits = new Intl.NumberFormat(persian ? "fa-IR" : "en-GB", { useGrouping: false });
  const weekdays = persian ? ["ش", "ی", "د", "س", "چ", "پ", "ج"] : ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
  const firstWeekday = persian ? 6 : 1; // Saturday / Monday
  const dayMs = 86400000;

  const ymd = (date) => {
    const values = {};
    for (const part of parts.formatToParts(date)) values[part.type] = Number(part.value.replace(/\D/g, ""));
    return values;
  };
  // «آذر ۱۴۰۵» / «November 2026»: month first, as people write it (ICU puts the Persian year first).
  const monthTitle = (date) => `${monthName.format(date)} ${dayDigits.format(ymd(date).year)}`;
  const monthStart = (date) => new Date(date.getTime() - (ymd(date).day - 1) * dayMs);
  const pad = (number, width) => String(number).padStart(width, "0");
  const text = (date) => {
    const { year, month, day } = ymd(date);
    if (!persian) return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
    return `${pad(year, 4)}/${pad(month, 2)}/${pad(day, 2)}`.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[d]);
  };

  document.querySelectorAll("input[data-date]").forEach((input) => {
    const panel = document.createElement("div");
    panel.className = "date-picker";
    panel.hidden = true;
    input.after(panel);
    let shown = monthStart(new Date(Date.UTC(new Date().getFullYear(), new Date().getMonth(), new Date().getDate())));

    const render = () => {
      panel.replaceChildren();
      const header = document.createElement("div");
      header.className = "date-picker-header";
      const previous = Object.assign(document.createElement("button"), { type: "button", textContent: persian ? "›" : "‹" });
      const next = Object.assign(document.createElement("button"), { type: "button", textContent: persian ? "‹" : "›" });
      previous.setAttribute("aria-label", persian ? "ماه قبل" : "Previous month");
      next.setAttribute("aria-label", persian ? "ماه بعد" : "Next month");
      previous.addEventListener("click", () => { shown = monthStart(new Date(shown.getTime() - dayMs)); render(); });
      next.addEventListener("click", () => { shown = new Date(shown.getTime() + 32 * dayMs); shown = monthStart(shown); render(); });
      header.append(previous, Object.assign(document.createElement("span"), { textContent: monthTitle(shown) }), next);
      const grid = document.createElement("div");
      grid.className = "date-picker-grid";
      for (const name of weekdays) grid.append(Object.assign(document.createElement("span"), { textContent: name, className: "weekday" }));
      const offset = (shown.getUTCDay() - firstWeekday + 7) % 7;
      for (let i = 0; i < offset; i++) grid.append(document.createElement("span"));
      const month = ymd(shown).month;
      for (let day = shown; ymd(day).month === month; day = new Date(day.getTime() + dayMs)) {
        const button = Object.assign(document.createElement("button"), { type: "button", textContent: dayDigits.format(ymd(day).day) });
        const chosen = day;
        button.addEventListener("click", () => {
          const time = input.value.trim().split(/\s+/)[1];
          input.value = text(chosen) + (time ? ` ${time}` : "");
          input.focus();
          panel.hidden = true;
        });
        grid.append(button);
      }
      panel.append(header, grid);
    };
    input.addEventListener("focus", () => { render(); panel.hidden = false; });
    // Clicks inside the calendar (whose buttons are rebuilt on every month change) keep it open.
    panel.addEventListener("click", (event) => event.stopPropagation());
    input.addEventListener("keydown", (event) => { if (event.key === "Escape" || event.key === "Tab") panel.hidden = true; });
    // Typing means the calendar is not wanted; leaving the box closes it too.
    input.addEventListener("input", () => { panel.hidden = true; });
    input.addEventListener("focusout", (event) => { if (!panel.contains(event.relatedTarget)) panel.hidden = true; });
    document.addEventListener("click", (event) => {
      if (event.target !== input) panel.hidden = true;
    });
  });
})();

// Pages that follow a background job (an import) reload themselves until it ends.
document.querySelectorAll("[data-refresh]").forEach((element) => {
  setTimeout(() => window.location.reload(), Number(element.dataset.refresh) || 2000);
});

// Case form: as the agent types the title and description (or picks a product or category),
// similar cases and knowledge-base articles are fetched from /cases/suggestions (an HTML
// fragment) and shown under the description. Nothing is saved; without the script the case page
// shows the same suggestions once the case is saved.
document.querySelectorAll("[data-case-suggestions]").forEach((host) => {
  const form = host.closest("form");
  const fields = ["title", "description", "product_id", "product_model", "category", "language"];
  let timer = null;
  let latest = 0;
  const refresh = async () => {
    const query = new URLSearchParams();
    fields.forEach((name) => { const field = form.elements[name]; if (field && field.value.trim()) query.set(name, field.value.trim()); });
    if (host.dataset.caseId) query.set("case_id", host.dataset.caseId);
    if (!query.get("title") && !query.get("description") && !query.get("product_id") && !query.get("category")) return;
    const ticket = ++latest;
    const response = await fetch(`${host.dataset.caseSuggestions}?${query}`, { credentials: "same-origin" });
    if (!response.ok || ticket !== latest) return;
    host.innerHTML = await response.text();
  };
  form.addEventListener("input", (event) => {
    if (!fields.includes(event.target.name)) return;
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
  form.addEventListener("change", (event) => { if (fields.includes(event.target.name)) refresh(); });
  refresh();
});
