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

// 扫码登录 (ITS §1.2): count the login QR code's life down (on the page's own clock, which the browser
// driver moves with the server's), show 【刷新二维码】 when it runs out, and poll whether the app confirmed.
(function () {
  var card = document.querySelector("[data-qr-expires-in]");
  if (!card) { return; }
  var deadline = Date.now() + Number(card.getAttribute("data-qr-expires-in")) * 1000;
  var seconds = card.querySelector("[data-qr-seconds]");
  var expired = card.querySelector("[data-qr-expired]");
  var screen = document.querySelector("main").getAttribute("data-screen");
  var leaving = false;
  window.addEventListener("beforeunload", function () { leaving = true; });
  function tick() {
    var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    if (seconds) { seconds.textContent = String(left); }
    if (left === 0 && expired && expired.hidden) {
      expired.hidden = false;
      if (seconds) { seconds.parentElement.hidden = true; }
      card.querySelector(".qr-image").classList.add("stale");
    }
  }
  function poll() {
    if (leaving) { return; }
    fetch(card.getAttribute("data-qr-status-url"), { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (!leaving && status.screen !== screen) { leaving = true; window.location.reload(); }
      })
      .catch(function () { /* the next poll tries again */ });
  }
  tick();
  setInterval(tick, 1000);
  setInterval(poll, 1000);
})();

// §1.3.2: a double-click on a unit posts the same form as selecting it and pressing 【进入】.
// (Here, not inline in the page: the Content-Security-Policy allows only the portal's own scripts.)
document.querySelectorAll(".unit-list option").forEach(function (option) {
  option.addEventListener("dblclick", function () {
    var form = option.closest("form");
    option.selected = true;
    var enter = form.querySelector("[data-unit-enter]");
    enter.disabled = false;
    form.submit();
  });
});
