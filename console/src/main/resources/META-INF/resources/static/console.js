// Mercato console: the little behaviour the pages add on top of plain forms. Every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // A form with data-confirm asks before it is sent (revoke, rotate).
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  });
  // A button with data-copy="<input id>" copies that field's value and says so where data-copy-status is.
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var field = document.getElementById(button.getAttribute("data-copy"));
      var status = button.closest(".secret-box") && button.closest(".secret-box").querySelector("[data-copy-status]");
      if (!field) {
        return;
      }
      function say(text) { if (status) { status.textContent = text; } }
      field.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { say("Copied."); },
          function () { say("Copying failed: the text is selected, press Ctrl+C (⌘C) to copy it."); });
      } else {
        say("The text is selected: press Ctrl+C (⌘C) to copy it.");
      }
    });
  });
});
