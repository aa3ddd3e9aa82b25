// Client-side behaviour of the portal pages (the default skin).
//
// Pages update in place: a press of a control posts its form with fetch and puts the next screen's page into this
// document instead of loading a new one, as a single-page portal does. While the answer is on its way, <main>
// carries aria-busy="true" (the profile's `busy:` tells the browser driver to wait for it to go). Without script
// the forms post and load as plain pages do; an answer that is not a page of this address is loaded as a page, and
// when no answer comes the page is loaded again (showing where the session is; a press is never sent twice). The
// page's own behaviour (the soft keyboard, the QR countdown, the unit list) starts again on each page put in.
(function () {
  "use strict";
  var timers = [];
  var sending = false;  // a press on its way
  var leaving = false;  // this document is being left
  var shown = 0;  // which page put in is shown: an answer to an earlier page's poll is not acted on
  window.addEventListener("beforeunload", function () { leaving = true; });

  function every(action, ms) { timers.push(setInterval(action, ms)); }

  function stop() {
    timers.forEach(clearInterval);
    timers = [];
  }

  // Soft keyboard (软键盘): open by default; 【关闭】 or the icon closes it.
  function softKeyboard() {
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
  }

  // 扫码登录 (ITS §1.2): count the login QR code's life down (on the page's own clock, which the browser driver
  // moves with the server's), show 【刷新二维码】 when it runs out, and poll whether the app confirmed.
  function qrCountdown() {
    var card = document.querySelector("[data-qr-expires-in]");
    if (!card) { return; }
    var deadline = Date.now() + Number(card.getAttribute("data-qr-expires-in")) * 1000;
    var seconds = card.querySelector("[data-qr-seconds]");
    var expired = card.querySelector("[data-qr-expired]");
    var screen = document.querySelector("main").getAttribute("data-screen");
    var page = shown;
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
      if (leaving || sending || page !== shown) { return; }
      fetch(card.getAttribute("data-qr-status-url"), { credentials: "same-origin", cache: "no-store" })
        .then(function (response) { return response.json(); })
        .then(function (status) {
          if (!leaving && !sending && page === shown && status.screen !== screen) { window.location.reload(); }
        })
        .catch(function () { /* the next poll tries again */ });
    }
    tick();
    every(tick, 1000);
    every(poll, 1000);
  }

  // §1.3.2: a double-click on a unit sends the same form as selecting it and pressing 【进入】.
  // (Here, not inline in the page: the Content-Security-Policy allows only the portal's own scripts.)
  function unitList() {
    document.querySelectorAll(".unit-list option").forEach(function (option) {
      option.addEventListener("dblclick", function () {
        var form = option.closest("form");
        option.selected = true;
        var enter = form.querySelector("[data-unit-enter]");
        enter.disabled = false;
        if (document.body.hasAttribute("data-pages")) { form.submit(); } else { send(form, null); }
      });
    });
  }

  function start() {
    shown += 1;
    softKeyboard();
    qrCountdown();
    unitList();
  }

  // The form as a plain post would send it: its fields, and the pressed button's name and value.
  function body(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name && !submitter.disabled) { data.append(submitter.name, submitter.value); }
    return new URLSearchParams(data);
  }

  // The answer's page in this document: its title and body (its scripts are this file, already running).
  function putIn(html) {
    var next = new DOMParser().parseFromString(html, "text/html");
    next.querySelectorAll("script").forEach(function (script) { script.remove(); });
    document.title = next.title;
    document.body.replaceChildren.apply(document.body, Array.prototype.slice.call(next.body.childNodes));
    window.scrollTo(0, 0);
    var first = document.querySelector("[autofocus]");
    if (first) { first.focus(); }
    start();
  }

  function send(form, submitter) {
    var main = document.querySelector("main");
    if (sending) { return; }  // a second press while the first is on its way changes nothing
    sending = true;
    stop();
    if (main) { main.setAttribute("aria-busy", "true"); }
    var request = { method: "POST", body: body(form, submitter), credentials: "same-origin", cache: "no-store",
                    redirect: "follow", headers: { "Accept": "text/html" } };
    fetch(form.action, request)
      .then(function (response) {
        return response.text().then(function (text) { return { response: response, text: text }; });
      })
      .then(function (answer) {
        var type = answer.response.headers.get("Content-Type") || "";
        var there = new URL(answer.response.url, window.location.href);
        sending = false;
        if (type.indexOf("text/html") !== 0) {
          window.location.assign(there.href);  // not a page: let the browser show it
        } else if (answer.response.redirected && there.pathname !== window.location.pathname) {
          window.location.assign(there.href);  // another page of the portal: load it
        } else {
          putIn(answer.text);
        }
      })
      .catch(function () {
        // No answer (or one that could not be shown): load the page again, which shows where the session is now;
        // the press is never sent twice (it may have been done).
        window.location.assign(window.location.href);
      });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var method = (form.getAttribute("method") || "get").toLowerCase();
    var action = new URL(form.action, window.location.href);
    var plain = document.body.hasAttribute("data-pages");  // ETAX_PAGES=plain: the pages as plain posts
    if (event.defaultPrevented || plain || method !== "post" || form.target || action.origin !== window.location.origin
        || !window.fetch || !window.DOMParser || !document.body.replaceChildren) {
      return;  // a plain post
    }
    event.preventDefault();
    send(form, event.submitter);
  });

  start();
})();
