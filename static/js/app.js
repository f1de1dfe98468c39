// Progressive enhancement only: every page works without this file.
// After htmx swaps in a new step, move focus to its heading so keyboard and screen-reader
// users land on the new content and hear its title; an error summary takes focus first.
document.addEventListener("htmx:afterSettle", function (event) {
  var main = document.getElementById("main");
  if (!main || !main.contains(event.detail.elt)) return;
  var target = main.querySelector(".error-summary") || main.querySelector("h1");
  if (target) {
    target.focus();
  }
  window.scrollTo(0, 0);
});
