/* The member page: coins and their history, the locked merchant, vouchers as QR, the rotating
   member code, and "use coins offline" (a platform-signed authorization QR). */
(function () {
  "use strict";
  var P = window.Phone, t = P.t, main = P.el("main");
  P.fillStatic();
  function card(title, id) {
    var node = document.createElement("section"); node.className = "card"; if (id) node.id = id;
    if (title) { var h = document.createElement("h2"); h.textContent = title; node.appendChild(h); }
    main.appendChild(node); return node;
  }
  function line(parent, text, cls, id) {
    var p = document.createElement("p"); p.textContent = text; if (cls) p.className = cls; if (id) p.id = id; parent.appendChild(p); return p;
  }
  function qr(parent, svg, id) {  // SVG made by the platform (central/phone/views.py), not user text
    var box = document.createElement("div"); box.className = "qr"; if (id) box.id = id; box.innerHTML = svg; parent.appendChild(box); return box;
  }
  var codeBox = null, codeText = null;
  async function refreshCode() {
    try {
      var c = await P.call("GET", "/p/api/me/code");
      codeBox.innerHTML = c.svg; codeText.textContent = c.code;
      setTimeout(refreshCode, Math.max(5, c.step_seconds / 2) * 1000);
    } catch (_e) { setTimeout(refreshCode, 10000); }
  }
  async function load() {
    var me;
    try { me = await P.call("GET", "/p/api/me"); }
    catch (e) { if (e.status === 401) { location.href = P.signinUrl(); return; } line(card(""), t("error", { reason: P.problem(e) }), "bad"); return; }
    main.textContent = "";
    var top = card("", "coins");
    line(top, me.phone, "muted");
    line(top, t("coins"), "muted");
    line(top, String(me.coins), "big", "coin-balance");
    line(top, me.locked_merchant ? t("locked", { name: P.name(me.locked_merchant.name) }) : t("not_locked"), "", "locked");
    var code = card(t("member_code", { s: 30 }), "member-code");
    codeBox = qr(code, "", "code-qr"); codeText = line(code, "", "mono", "code-text");
    refreshCode();
    var offline = card(t("offline"), "offline");
    line(offline, t("offline_help"), "muted");
    var form = document.createElement("div");
    form.innerHTML = '<label><span id="l-store"></span><select id="store"></select></label><label><span id="l-amount"></span><input id="amount" type="number" min="1" value="10"></label>' +
      '<label><span id="l-ttl"></span><select id="ttl"></select></label><button id="make"></button><p id="offline-msg"></p><div id="offline-qr" class="qr"></div>';
    offline.appendChild(form);
    P.text("l-store", t("store")); P.text("l-amount", t("amount")); P.text("l-ttl", t("expiry")); P.text("make", t("make_offline"));
    me.stores.forEach(function (s) { var o = document.createElement("option"); o.value = s.store_id; o.textContent = P.name(s.name); P.el("store").appendChild(o); });
    [[900, t("minutes", { n: 15 })], [3600, t("one_hour")], [86400, t("hours", { n: 24 })]].forEach(function (c) {
      var o = document.createElement("option"); o.value = c[0]; o.textContent = c[1]; P.el("ttl").appendChild(o);
    });
    P.el("make").addEventListener("click", async function () {
      try {
        var a = await P.call("POST", "/p/api/me/coin-authorizations", { store_id: P.el("store").value, max_coins: parseInt(P.el("amount").value, 10), ttl_seconds: parseInt(P.el("ttl").value, 10) });
        P.el("offline-qr").innerHTML = a.svg;
        P.el("offline-msg").className = "ok";
        P.text("offline-msg", t("offline_made", { coins: a.max_coins, time: new Date(a.expires_at).toLocaleString(P.lang === "en" ? "en" : "zh-CN") }));
        var again = await P.call("GET", "/p/api/me"); P.text("coin-balance", String(again.coins));
      } catch (e) { P.el("offline-msg").className = "bad"; P.text("offline-msg", t("error", { reason: P.problem(e) })); }
    });
    var vouchers = card(t("vouchers"), "vouchers");
    if (!me.vouchers.length) line(vouchers, t("no_vouchers"), "muted");
    me.vouchers.forEach(function (v) { line(vouchers, v.voucher_id + " · " + (v.expires_at || "").slice(0, 10), "mono"); if (v.svg) qr(vouchers, v.svg); });
    var hist = card(t("history"), "history");
    var table = document.createElement("table");
    me.history.forEach(function (h) {
      var tr = document.createElement("tr");
      var where = h.account === "merchant" ? P.name(h.where) : t("account_" + h.account);  // earned or spent where
      [new Date(h.at).toLocaleString(P.lang === "en" ? "en" : "zh-CN", { dateStyle: "short", timeStyle: "short" }), (h.coins > 0 ? "+" : "") + h.coins, where].forEach(function (c) { var td = document.createElement("td"); td.textContent = c; tr.appendChild(td); });
      table.appendChild(tr);
    });
    hist.appendChild(table);
    var out = document.createElement("button"); out.className = "secondary"; out.textContent = t("sign_out");
    out.addEventListener("click", async function () { await P.call("POST", "/p/api/signout"); location.href = "/signin"; });
    main.appendChild(out);
  }
  load();
})();
