(function () {
  "use strict";
  var form = document.getElementById("filters");
  var status = document.getElementById("filter-status");
  var sections = Array.prototype.slice.call(document.querySelectorAll(".article-section"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("#article-table tbody tr"));
  var cardCount = document.querySelectorAll(".figure-card").length;

  function words(value) {
    return (value || "").split(" ").filter(Boolean);
  }

  function current() {
    return {
      level: form.elements.level.value,
      check: form.elements.check.value,
      licence: form.elements.licence.value,
      text: form.elements.text.value.trim().toLowerCase()
    };
  }

  function matches(item, filter) {
    if (filter.level && words(item.dataset.levels).indexOf(filter.level) < 0) { return false; }
    if (filter.check && words(item.dataset.checks).indexOf(filter.check) < 0) { return false; }
    if (filter.licence && item.dataset.licence !== filter.licence) { return false; }
    return !filter.text || (item.dataset.search || "").indexOf(filter.text) >= 0;
  }

  function apply() {
    var filter = current();
    var narrowed = Boolean(filter.level || filter.check || filter.licence);
    var shownCards = 0;
    var shownSections = 0;
    sections.forEach(function (section) {
      var any = false;
      section.querySelectorAll(".figure-card, .finding-block").forEach(function (item) {
        var ok = matches(item, filter);
        item.hidden = !ok;
        if (ok) {
          any = true;
          if (item.classList.contains("figure-card")) { shownCards += 1; }
        }
      });
      var pathMatches = !filter.text || section.dataset.article.indexOf(filter.text) >= 0;
      var visible = any || (!narrowed && pathMatches);
      section.hidden = !visible;
      if (visible) { shownSections += 1; }
    });
    rows.forEach(function (row) {
      row.hidden = document.getElementById(row.dataset.section).hidden;
    });
    status.textContent = "Showing " + shownCards + " of " + cardCount + " figures in " +
      shownSections + " of " + sections.length + " articles.";
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var done = document.execCommand("copy");
      document.body.removeChild(area);
      if (done) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.copy") : null;
    if (!button) { return; }
    var source = document.getElementById(button.dataset.copy);
    var note = document.getElementById(button.getAttribute("aria-describedby"));
    copyText(source.textContent).then(function () {
      note.textContent = "Copied to the clipboard.";
    }, function () {
      note.textContent = "Could not copy: select the text and copy it by hand.";
    });
  });

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  apply();
}());
