// Progressive enhancement only: without this file the link sits in a read-only box to copy by hand.
// With it, a "Copy link" button appears after each such box and says, in the box's status line,
// when the link was copied. The words come from the box's data attributes, so they are translated.
(function () {
  document.querySelectorAll("input[data-copy-label], textarea[data-copy-label]").forEach(function (input) {
    var field = input.closest(".copy-field");
    var status = field ? field.querySelector(".copy-status") : null;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button secondary copy-button";
    button.textContent = input.getAttribute("data-copy-label");
    input.insertAdjacentElement("afterend", button);

    function say(text) {
      if (status) status.textContent = text;
    }

    button.addEventListener("click", function () {
      var done = input.getAttribute("data-copied") || "";
      var failed = input.getAttribute("data-copy-failed") || "";
      input.focus();
      input.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(function () { say(done); }, function () { say(failed); });
        return;
      }
      var copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (error) {
        copied = false;
      }
      say(copied ? done : failed);
    });
  });
})();
