// onrecord: the little the pages need beyond HTML.
(function () {
  "use strict";

  // Highlight the quote or event named by the address (#q-<id>, #e-<id>) and bring it into view.
  function highlight() {
    document.querySelectorAll(".current, .in-sentence").forEach(function (el) {
      el.classList.remove("current", "in-sentence");
    });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!/^[qe]-[A-Za-z0-9_-]+$/.test(id)) return;
    // The quote's whole sentence is its evidence: shade it, and mark the quoted words strongly.
    document.querySelectorAll('[data-ids~="sent-' + id.slice(2) + '"]').forEach(function (el) {
      el.classList.add("in-sentence");
    });
    var marks = document.querySelectorAll('mark[data-ids~="' + id + '"]');
    marks.forEach(function (el) { el.classList.add("current"); });
    var target = marks[0] || document.getElementById(id);
    if (target) target.scrollIntoView({ block: "center" });
  }

  // Leave blank fields out of the filter form's address, so links stay short and shareable.
  function tidyForms() {
    document.querySelectorAll("form.filters").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.querySelectorAll("input, select").forEach(function (el) {
          var blank = el.value === "" ||
            (el.name === "show" && el.value === "all") || (el.name === "order" && el.value === "oldest");
          if (blank) el.disabled = true;
        });
      });
    });
  }

  // On a phone the filters fold away, unless some are set.
  function foldFilters() {
    var box = document.querySelector("details.filterbox");
    if (box && window.matchMedia("(max-width: 700px)").matches && !/\(\d+ set\)/.test(box.querySelector("summary").textContent)) {
      box.open = false;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    foldFilters();
    highlight();
    tidyForms();
  });
  window.addEventListener("hashchange", highlight);
  // Coming back to a page from the browser's cache: the form's fields are usable again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form.filters [disabled]").forEach(function (el) { el.disabled = false; });
  });
})();
