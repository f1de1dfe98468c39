// Progressive enhancement only: every page works without this file.
// After htmx swaps content in, move focus to it so keyboard and screen-reader users land on
// the new content and hear its title. A new step (swapped into #main) starts at the top of
// the page; a section swapped in place (the SURE answers) stays where it is on the page.
document.addEventListener("htmx:afterSettle", function (event) {
  var target = event.detail.target;
  if (!target) return;
  // An outerHTML swap replaces the target element: find its replacement by id.
  var live = (target.id && document.getElementById(target.id)) || target;
  var isStep = live.id === "main";
  var focusable = live.querySelector(".error-summary") || live.querySelector(isStep ? "h1" : "[tabindex='-1']");
  if (focusable) focusable.focus({ preventScroll: isStep });
  if (isStep) window.scrollTo(0, 0);
});
