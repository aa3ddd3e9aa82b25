// Client-side behaviour of the portal pages. Soft keyboard (软键盘): open by default; 【关闭】 or the icon closes it.
(function () {
  var board = document.getElementById("soft-keyboard");
  var field = document.getElementById("password");
  if (!board || !field) { return; }
  var upper = false;
  document.querySelectorAll("[data-toggle-keyboard]").forEach(function (icon) {
    icon.addEventListener("click", function () { board.hidden = !board.hidden; });
  });
  document.querySelectorAll("[data-close-keyboard]").forEach(function (button) {
    button.addEventListener("click", function () { board.hidden = true; });
  });
  board.querySelectorAll(".key").forEach(function (key) {
    key.addEventListener("click", function () {
      if (key.hasAttribute("data-shift")) { upper = !upper; return; }
      if (key.hasAttribute("data-backspace")) { field.value = field.value.slice(0, -1); return; }
      var ch = key.textContent;
      field.value += upper ? ch.toUpperCase() : ch;
    });
  });
})();
