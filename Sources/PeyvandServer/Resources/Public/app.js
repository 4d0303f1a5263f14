// Peyvand: small enhancements only; every page works without this file.
"use strict";

// Ask before destructive one-button forms (delete) that carry data-confirm.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  const question = button && button.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});
