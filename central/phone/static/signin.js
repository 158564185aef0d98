/* Sign in by phone and a one-time SMS code; then back to the page that asked. */
(function () {
  "use strict";
  var P = window.Phone, t = P.t, main = P.el("main");
  P.fillStatic();
  var next = new URLSearchParams(location.search).get("next") || "/m";
  if (next.charAt(0) !== "/" || next.charAt(1) === "/") next = "/m";  // only this platform's pages
  main.innerHTML = '<section class="card"><label><span id="l-phone"></span><input id="phone" type="tel" inputmode="numeric" autocomplete="tel" maxlength="20"></label>' +
    '<button id="send"></button><p id="sent" class="muted"></p>' +
    '<label><span id="l-code"></span><input id="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6"></label>' +
    '<button id="go"></button><p id="msg" class="bad"></p></section>';
  P.text("l-phone", t("phone")); P.text("l-code", t("code")); P.text("send", t("send_code")); P.text("go", t("do_sign_in"));
  P.el("send").addEventListener("click", async function () {
    P.text("msg", "");
    try { var a = await P.call("POST", "/p/api/sms", { phone: P.el("phone").value }); P.text("sent", t("code_sent", { phone: a.sent_to })); P.el("code").focus(); }
    catch (e) { P.text("msg", t("error", { reason: P.problem(e) })); }
  });
  P.el("go").addEventListener("click", async function () {
    P.text("msg", "");
    try { await P.call("POST", "/p/api/signin", { phone: P.el("phone").value, code: P.el("code").value }); location.href = next; }
    catch (e) { P.text("msg", t("error", { reason: P.problem(e) })); }
  });
})();
