/* The development payment provider's page: labelled SANDBOX, no money moves. */
(function () {
  "use strict";
  var P = window.Phone, t = P.t, main = P.el("main");
  P.fillStatic();
  var orderId = decodeURIComponent(location.pathname.split("/")[3] || "");
  main.innerHTML = '<div class="banner" id="banner"></div><section class="card"><h2 id="product"></h2><p class="big" id="amount"></p>' +
    '<p class="mono" id="order"></p><button id="pay"></button><p id="msg"></p></section>';
  P.text("banner", t("sandbox_banner"));
  P.call("GET", "/p/api/sandbox/" + encodeURIComponent(orderId)).then(function (o) {
    P.text("product", o.product); P.text("amount", P.yuan(o.amount_fen)); P.text("order", o.order_id);
    P.text("pay", t("sandbox_pay", { amount: P.yuan(o.amount_fen) }));
    var back = new URLSearchParams(location.search).get("return") || "/m";
    if (back.charAt(0) !== "/" || back.charAt(1) === "/") back = "/m";  // only back to this platform
    P.el("pay").addEventListener("click", async function () {
      P.el("pay").disabled = true;
      try { await P.call("POST", "/sandbox/pay/" + encodeURIComponent(orderId)); P.text("msg", t("sandbox_paid")); setTimeout(function () { location.href = back; }, 600); }
      catch (e) { P.el("pay").disabled = false; P.text("msg", t("error", { reason: P.problem(e) })); }
    });
  }).catch(function (e) { P.text("msg", t("error", { reason: P.problem(e) })); });
})();
