// The alt skin's page behaviour: soft keyboard, tabs that keep what was typed, double-click on a unit row, QR polling.
(function () {
  "use strict";
  function post(form, code) {  // submit the form as if a button coded `code` was pressed
    var hidden = document.createElement("input");
    hidden.type = "hidden"; hidden.name = "dz"; hidden.value = code;
    form.appendChild(hidden);
    form.submit();
  }

  // 软键盘: shown by default on 实名登录; 【关闭】 hides it, the icon toggles it, keys type into the password.
  var board = document.getElementById("rjp-mianban");
  var field = document.getElementById("dl-mima");
  if (board && field) {
    var upper = false;
    document.querySelectorAll("[data-rjp-qh]").forEach(function (b) {
      b.addEventListener("click", function () { board.hidden = !board.hidden; });
    });
    document.querySelectorAll("[data-rjp-gb]").forEach(function (b) {
      b.addEventListener("click", function () { board.hidden = true; });
    });
    board.querySelectorAll(".jian").forEach(function (key) {
      key.addEventListener("click", function () {
        if (key.hasAttribute("data-daxie")) { upper = !upper; return; }
        if (key.hasAttribute("data-tuige")) { field.value = field.value.slice(0, -1); return; }
        field.value += upper ? key.textContent.toUpperCase() : key.textContent;
      });
    });
  }

  // Tabs are links; inside a form they post it, so what was typed survives the switch.
  document.querySelectorAll("form a[data-tj]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      post(link.closest("form"), link.getAttribute("data-tj"));
    });
  });

  // A click anywhere on a radio row ticks its radio (办税单位, 待办企业, the APP's units).
  document.querySelectorAll("tr.dw-h, tr.xz-h, table.qy-lb tbody tr").forEach(function (row) {
    row.addEventListener("click", function () {
      var radio = row.querySelector("input[type=radio]");
      if (radio) { radio.checked = true; }
    });
  });

  // The APP's units (企业办税权限): a tap on a unit's row opens it, as in the app (tick it, then its main button).
  document.querySelectorAll("form.dw-xz table.xz-b tbody tr").forEach(function (row) {
    row.addEventListener("click", function (event) {
      if (event.target.tagName === "INPUT") { return; }  // ticking the radio itself only selects
      var form = row.closest("form");
      var go = form.querySelector(".an-hang button.an-zhu");
      if (go) { post(form, go.value); }
    });
  });

  // 单位办税验证 (ITS §1.3.2): a double-click on a unit's row ticks it and enters.
  document.querySelectorAll("tr[data-jr]").forEach(function (row) {
    row.addEventListener("dblclick", function () {
      var radio = row.querySelector("input[type=radio]");
      if (radio) { radio.checked = true; }
      post(row.closest("form"), row.getAttribute("data-jr"));
    });
  });

  // 扫码登录: count down on the page's own clock (the ITS page does not poll: 【已扫码，继续】 moves on).
  var card = document.querySelector("[data-sy]");
  if (!card) { return; }
  var deadline = Date.now() + Number(card.getAttribute("data-sy")) * 1000;
  var seconds = card.querySelector(".ewm-miao");
  var stale = card.querySelector(".ewm-gq");
  function tick() {
    var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    if (seconds) { seconds.textContent = String(left); }
    if (left === 0 && stale && stale.hidden) {
      stale.hidden = false;
      if (seconds) { seconds.parentElement.hidden = true; }
      card.querySelector(".ewm-tu").classList.add("guoqi");
    }
  }
  tick();
  setInterval(tick, 1000);
  // 青岛 扫码登录 (Q11): that page (data-zt) polls where its session is and follows it; the ITS page above does not.
  var status = card.getAttribute("data-zt");
  if (!status) { return; }
  var leaving = false;
  window.addEventListener("beforeunload", function () { leaving = true; });
  function poll() {
    if (leaving) { return; }
    fetch(status, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (!leaving && s.lj !== window.location.pathname) { leaving = true; window.location.href = s.lj; }
      })
      .catch(function () { /* try again at the next poll */ });
  }
  setInterval(poll, 1000);
})();
