/* The result and proof page: /d/<group>?s=<store> (the draw slip's QR). */
(function () {
  "use strict";
  var P = window.Phone, t = P.t, main = P.el("main");
  P.fillStatic();
  var groupId = decodeURIComponent(location.pathname.split("/")[2] || "");
  var store = new URLSearchParams(location.search).get("s") || "";
  var ZH = {  // every sentence drawcheck.js can say, in Chinese (its templates, same placeholders)
    "The draw proof checks out: winners {winners}": "证明无误：中奖 {winners}",
    "Commitment mismatch: SHA-256 of the seed is {actual}, the proof's commitment is {published}": "承诺不符：种子的 SHA-256 为 {actual}，证明中的承诺为 {published}",
    "Winner {i} differs: expected {expected}, the proof says {found}": "第 {i} 位中奖者不符：应为 {expected}，证明写的是 {found}",
    "Wrong number of winners: the proof lists {found}, k is {k}": "中奖人数不符：证明列出 {found} 位，应为 {k} 位",
    "The beacon is not the platform key's signature over this group, commitment and entries": "信标不是平台密钥对本团、承诺和参与者的签名",
    "The beacon is signed under the key {found}, not the platform's key {expected}": "信标由密钥 {found} 签名，而不是平台密钥 {expected}",
    "Entry {id} has a bad nonce: it must be lower-case hex of at least 16 bytes": "参与者 {id} 的随机数格式不对：须为至少 16 字节的小写十六进制",
    "Duplicate entry id “{id}”": "参与者编号重复：{id}",
    "k is {k}, out of range: it must be between 1 and the {m} eligible entries": "中奖人数 {k} 超出范围：须在 1 到 {m}（可参与抽奖人数）之间",
    "Entry {id}: eligible must be true or false": "参与者 {id}：eligible 须为 true 或 false",
    "Entry {n} has an empty or non-string entry_id": "第 {n} 个参与者的编号为空或不是字符串",
    "Entry {n} must be an object with entry_id, nonce and eligible": "第 {n} 个参与者须包含 entry_id、nonce 和 eligible",
    "Every winner must be an entry id string": "每个中奖者都须是参与者编号（字符串）",
    "The field “{field}” is missing": "缺少字段“{field}”",
    "The field “{field}” must be {digits} lower-case hex digits ({size} bytes)": "字段“{field}”须为 {digits} 位小写十六进制（{size} 字节）",
    "The field “{field}” must be {kind}": "字段“{field}”须为{kind}",
    "The proof is not valid JSON": "证明不是有效的 JSON",
    "The proof must be a JSON object": "证明须为 JSON 对象",
    "The seed must be 64 lower-case hex digits (32 bytes)": "种子须为 64 位小写十六进制（32 字节）",
    "Unexpected field “{field}”": "多出的字段“{field}”",
    "Wrong version {found}: this checker knows {expected}": "版本 {found} 不对：本验证程序支持 {expected}"
  };
  var KINDS = { "a string": "字符串", "an integer": "整数", "a list": "列表" };
  var seatOf = {};  // entry id -> "E4" (the seat numbers the page shows)
  function seat(id) { return seatOf[id] || id; }
  function say(result) {
    var params = {};
    Object.keys(result.params || {}).forEach(function (k) {
      var v = result.params[k];
      params[k] = (k === "id" || k === "expected" || k === "found") && typeof v === "string" && seatOf[v.replace(/^'|'$/g, "")]
        ? seat(v.replace(/^'|'$/g, "")) : v;
    });
    if (P.lang !== "en" && typeof params.kind === "string") params.kind = KINDS[params.kind] || params.kind;
    var template = P.lang === "en" ? result.template : (ZH[result.template] || result.template);
    return window.PinshangDraw.fill(template, params);
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
    var head = card(P.name(info.store));
    if (!info.proof) { line(head, t("not_drawn"), "big", "state"); setTimeout(function () { location.reload(); }, 10000); return; }
    var v2 = info.version === "pinshang-draw-v2";
    line(head, v2 ? t("v2_note") : t("v1_note"), v2 ? "ok" : "bad", "version");
    info.entries.forEach(function (e) { seatOf[e.entry_id] = "E" + e.position; });
    var byId = {};
    info.entries.forEach(function (e) { byId[e.entry_id] = e; });
    var win = card(t("winners"));
    win.id = "winners";
    info.winners.forEach(function (id) {
      var e = byId[id] || {};
      line(win, seat(id) + "  " + (e.who || "") + (e.mine ? "  ← " + t("you") : ""), "big");
    });
    var check = card("");
    var button = document.createElement("button"); button.id = "check"; button.textContent = t("check"); check.appendChild(button);
    var out = line(check, "", "", "check-result");
    button.addEventListener("click", async function () {
      button.disabled = true; out.className = ""; out.textContent = t("checking");
      var result = await window.PinshangDraw.verifyProof(info.proof, info.platform_key || "");
      out.className = result.ok ? "ok" : "bad";
      out.textContent = result.ok
        ? t("check_ok", { seats: (result.params.winners ? result.params.winners.split(", ") : []).map(seat).join("、") })
        : t("check_bad", { sentence: say(result) });
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
    var more = document.createElement("details"); more.className = "card"; more.id = "details";
    var summary = document.createElement("summary"); summary.textContent = t("details"); more.appendChild(summary);
    line(more, t("detail_version", { v: info.version }), "mono");
    line(more, t("detail_group", { id: info.group_id }), "mono");
    line(more, t("detail_winners", { ids: info.winners.map(function (id) { return seat(id) + " = " + id; }).join(", ") }), "mono");
    line(more, t("proof"), "");
    line(more, JSON.stringify(info.proof, function (_k, v) { return typeof v === "bigint" ? v.toString() : v; }, 1), "mono pre", "proof");
    main.appendChild(more);
  }
  load();
})();
