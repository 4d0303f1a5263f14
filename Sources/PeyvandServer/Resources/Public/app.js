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
