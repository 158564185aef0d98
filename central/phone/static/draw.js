/* The result and proof page: /d/<group>?s=<store> (the draw slip's QR). */
(function () {
  "use strict";
  var P = window.Phone, t = P.t, main = P.el("main");
  P.fillStatic();
  var groupId = decodeURIComponent(location.pathname.split("/")[2] || "");
  var store = new URLSearchParams(location.search).get("s") || "";
  var ZH = {  // the checker's sentences in Chinese (templates of drawcheck.js)
    "The draw proof checks out: winners {winners}": "证明无误：中奖 {winners}",
    "Commitment mismatch: SHA-256 of the seed is {actual}, the proof's commitment is {published}": "承诺不符：种子的 SHA-256 为 {actual}，证明中的承诺为 {published}",
    "Winner {i} differs: expected {expected}, the proof says {found}": "第 {i} 位中奖者不符：应为 {expected}，证明写的是 {found}",
    "Wrong number of winners: the proof lists {found}, k is {k}": "中奖人数不符：证明列出 {found} 位，应为 {k} 位",
    "The beacon is not the platform key's signature over this group, commitment and entries": "信标不是平台密钥对本团、承诺和参与者的签名",
    "The beacon is signed under the key {found}, not the platform's key {expected}": "信标由密钥 {found} 签名，而不是平台密钥 {expected}",
    "Entry {id} has a bad nonce: it must be lower-case hex of at least 16 bytes": "参与者 {id} 的随机数格式不对",
    "Duplicate entry id “{id}”": "参与者编号重复：{id}",
    "k is {k}, out of range: it must be between 1 and the {m} eligible entries": "中奖人数 {k} 超出范围（1 到 {m}）"
  };
  function say(result) {
    var template = P.lang === "en" ? result.template : (ZH[result.template] || result.template);
    return window.PinshangDraw.fill(template, result.params);
  }
  function card(title) {
    var node = document.createElement("section"); node.className = "card";
    if (title) { var h = document.createElement("h2"); h.textContent = title; node.appendChild(h); }
    main.appendChild(node); return node;
  }
  function line(parent, text, cls, id) {
    var p = document.createElement("p"); p.textContent = text; if (cls) p.className = cls; if (id) p.id = id; parent.appendChild(p); return p;
  }
  async function load() {
    var q = store ? "?s=" + encodeURIComponent(store) : "";
    var info;
    try { info = await P.call("GET", "/p/api/draws/" + encodeURIComponent(groupId) + q, undefined, window.PinshangDraw.parseJson); }
    catch (e) { line(card(""), t("error", { reason: P.problem(e) }), "bad"); return; }
    main.textContent = "";
    var head = card(info.store);
    line(head, info.group_id, "mono");
    if (!info.proof) { line(head, t("not_drawn"), "big", "state"); setTimeout(function () { location.reload(); }, 10000); return; }
    line(head, info.version === "pinshang-draw-v2" ? t("v2_note") : t("v1_note"), info.version === "pinshang-draw-v2" ? "ok" : "bad", "version");
    var byId = {};
    info.entries.forEach(function (e) { byId[e.entry_id] = e; });
    var win = card(t("winners"));
    info.winners.forEach(function (id) {
      var e = byId[id] || {};
      line(win, "E" + e.position + "  " + (e.who || "") + (e.mine ? "  ← " + t("you") : ""), "big");
    });
    var check = card("");
    var button = document.createElement("button"); button.id = "check"; button.textContent = t("check"); check.appendChild(button);
    var out = line(check, "", "", "check-result");
    button.addEventListener("click", async function () {
      button.disabled = true; out.className = ""; out.textContent = t("checking");
      var result = await window.PinshangDraw.verifyProof(info.proof, info.platform_key || "");
      out.className = result.ok ? "ok" : "bad";
      out.textContent = t(result.ok ? "check_ok" : "check_bad", { sentence: say(result) });
      button.disabled = false;
    });
    var list = card(t("entries"));
    var table = document.createElement("table");
    info.entries.forEach(function (e) {
      var tr = document.createElement("tr");
      if (e.mine) tr.className = "mine";
      if (e.winner) tr.className += " winner";
      [["E" + e.position, ""], [e.who + (e.mine ? " (" + t("you") + ")" : ""), ""], [e.nonce, "mono"]].forEach(function (c) {
        var td = document.createElement("td"); td.textContent = c[0]; if (c[1]) td.className = c[1]; tr.appendChild(td);
      });
      table.appendChild(tr);
    });
    list.appendChild(table);
    var proof = card(t("proof"));
    line(proof, JSON.stringify(info.proof, function (_k, v) { return typeof v === "bigint" ? v.toString() : v; }, 1), "mono pre", "proof");
  }
  load();
})();
