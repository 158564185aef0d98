/* The join page: /j/<group>?t=<join token> (the invite's QR). */
(function () {
  "use strict";
  var P = window.Phone, t = P.t;
  var groupId = decodeURIComponent(location.pathname.split("/")[2] || "");
  var token = new URLSearchParams(location.search).get("t") || "";
  var api = "/p/api/groups/" + encodeURIComponent(groupId);
  var main = P.el("main");
  P.fillStatic();

  function nonce() {  // 16 random bytes from this phone, kept until the deposit is paid
    var key = "ps_nonce:" + groupId, kept = sessionStorage.getItem(key);
    if (kept) return kept;
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    var hex = Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
    sessionStorage.setItem(key, hex);
    return hex;
  }
  function card(id, title) {
    var node = document.createElement("section"); node.className = "card"; node.id = id;
    if (title) { var h = document.createElement("h2"); h.textContent = title; node.appendChild(h); }
    main.appendChild(node); return node;
  }
  function line(parent, text, cls) {
    var p = document.createElement("p"); p.textContent = text; if (cls) p.className = cls; parent.appendChild(p); return p;
  }
  function disclosureText(text) {  // the frozen text, in the page's language when it has both
    try {
      var both = JSON.parse(text);
      if (both && typeof both === "object") return (P.lang === "en" ? both.en : both.zh_CN) || both.zh_CN || both.en || text;
    } catch (_e) { /* plain text */ }
    return text;
  }
  function refundReason(order) {  // why the deposit went back, in the page's language
    var key = "err_" + (order.reason_code || "other");
    return t(key === "err_other" || !window.PHONE_TEXT[key] ? "refund_other" : key);
  }
  function seatsText(s) { return t("seats_line", s); }

  function renderDeal(info) {
    main.textContent = "";
    var d = info.deal, deal = card("deal", P.name(d.product));
    line(deal, P.name(info.store) + (info.merchant ? " · " + P.name(info.merchant) : ""), "muted").id = "store";
    line(deal, t("price", { price: P.yuan(d.price_fen), size: d.size, winners: d.winners }));
    line(deal, t("consolation", { cash: P.yuan(d.consolation_cash_fen), coins: d.consolation_coins }));
    line(deal, t("value", { value: P.yuan(d.market_value_fen) }), "muted");
    var seats = card("seats", t("seats"));
    var bar = document.createElement("div"); bar.className = "bar"; bar.appendChild(document.createElement("div"));
    seats.appendChild(bar);
    line(seats, "", "").id = "seats-line";
    line(seats, t("deadline", { time: new Date(info.deadline).toLocaleString(P.lang === "en" ? "en" : "zh-CN") }), "muted");
    updateSeats(info.seats);
    var you = card("you", ""); you.id = "you";
    var rules = card("rules", t("disclosure"));
    line(rules, disclosureText(info.disclosure), "pre muted");
    var commit = card("commit", t("commitment"));
    line(commit, info.commitment, "mono").id = "commitment";
    var links = card("links", "");
    var result = document.createElement("a"); result.className = "button secondary";
    result.href = "/d/" + encodeURIComponent(groupId) + "?s=" + encodeURIComponent(info.store_id);
    result.textContent = t("see_result"); links.appendChild(result);
  }
  function updateSeats(s) {
    P.text("seats-line", seatsText(s));
    var fill = document.querySelector("#seats .bar div");
    if (fill) fill.style.width = Math.round(100 * s.taken / s.size) + "%";
  }

  function renderYou(info) {
    var you = P.el("you"); you.textContent = ""; you.className = "card";
    if (!info.signed_in) {
      line(you, t("sign_in_first"));
      var a = document.createElement("a"); a.className = "button"; a.id = "signin"; a.href = P.signinUrl();
      a.textContent = t("sign_in"); you.appendChild(a);
      return false;
    }
    var mine = info.mine || {}, order = mine.order, entry = mine.entry;
    var myNonce = order ? order.nonce : nonce();
    var h = document.createElement("h2"); h.textContent = t("your_nonce"); you.appendChild(h);
    line(you, myNonce, "mono").id = "nonce";
    if (entry) {
      you.className = "card seated";
      line(you, t("seated", { seat: "E" + entry.position }), "big ok").id = "status";
      line(you, t("seated_detail", { position: entry.position, size: info.deal.size }), "muted");
      return false;
    }
    if (order && order.status === "refunded") { line(you, t("refunded", { reason: refundReason(order) }), "bad").id = "status"; return false; }
    if (order && order.status === "refunding") { line(you, t("refunding", { reason: refundReason(order) }), "bad").id = "status"; return true; }
    if (order && order.status === "created") { line(you, t("paying")).id = "status"; payButton(you, info); return true; }
    if (order) { line(you, t("waiting_seat")).id = "status"; return true; }
    if (info.seats.state !== "open") { line(you, t("closed"), "bad").id = "status"; return false; }
    if (info.seats.left <= 0) { line(you, t("full"), "bad").id = "status"; return false; }
    payButton(you, info);
    return false;
  }
  function payButton(you, info) {
    var b = document.createElement("button"); b.id = "pay";
    b.textContent = t("pay", { price: P.yuan(info.deal.price_fen) });
    b.addEventListener("click", async function () {
      b.disabled = true;
      try {
        var order = await P.call("POST", api + "/orders", { t: token, nonce: nonce() });
        location.href = order.pay_url;
      } catch (e) { b.disabled = false; line(you, t("error", { reason: P.problem(e) }), "bad"); }
    });
    you.appendChild(b);
  }

  async function load() {
    try {
      var info = await P.call("GET", api + "?t=" + encodeURIComponent(token));
      if (!P.el("deal")) renderDeal(info); else updateSeats(info.seats);
      var waiting = renderYou(info);
      setTimeout(waiting ? load : poll, waiting ? 1500 : 4000);
    } catch (e) { main.textContent = ""; line(card("error", ""), t("error", { reason: P.problem(e) }), "bad"); }
  }
  async function poll() {  // seats taken / left, live
    try { updateSeats(await P.call("GET", api + "/seats?t=" + encodeURIComponent(token))); } catch (_e) { /* next time */ }
    setTimeout(poll, 4000);
  }
  load();
})();
