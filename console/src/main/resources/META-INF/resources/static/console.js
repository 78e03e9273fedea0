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
  // An element with an id and data-poll="<milliseconds>" (a transaction still being processed) is fetched again from
  // the page's own URL and replaced, with every element with an id and data-poll-part (what processing fills in: the
  // contract, the serial numbers), until the fresh copy no longer asks to be polled, a fetch fails, or ten minutes
  // pass; the page's "Check now" link does the same by hand.
  var polled = document.querySelector("[data-poll][id]");
  if (polled && window.fetch && window.DOMParser) {
    var every = Math.max(1000, parseInt(polled.getAttribute("data-poll"), 10) || 3000);
    var giveUpAt = Date.now() + 10 * 60 * 1000;
    var poll = function () {
      fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (answer) { return answer.ok ? answer.text() : Promise.reject(answer.status); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(polled.id);
          if (!fresh) {
            return;
          }
          var freshPage = fresh.ownerDocument;
          polled.innerHTML = fresh.innerHTML;
          document.querySelectorAll("[data-poll-part][id]").forEach(function (part) {
            var freshPart = freshPage.getElementById(part.id);
            if (freshPart) {
              part.innerHTML = freshPart.innerHTML;
            }
          });
          if (fresh.hasAttribute("data-poll") && Date.now() < giveUpAt) {
            window.setTimeout(poll, every);
          } else {
            polled.removeAttribute("data-poll");
          }
        })
        .catch(function () { polled.removeAttribute("data-poll"); });
    };
    window.setTimeout(poll, every);
  }
});
