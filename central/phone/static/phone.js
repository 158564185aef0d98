/* Shared by the phone pages: the language (zh_CN first, English), the CSRF token, JSON calls. */
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var lang = params.get("lang") || localStorage.getItem("ps_lang") || "zh";
  if (params.get("lang")) localStorage.setItem("ps_lang", lang);
  lang = lang === "en" ? "en" : "zh";
  var T = window.PHONE_TEXT || {};
  function t(key, values) {
    var entry = T[key];
    var text = entry ? (lang === "en" ? entry[1] : entry[0]) : key;
    return text.replace(/\{(\w+)\}/g, function (_m, n) { return values && n in values ? String(values[n]) : ""; });
  }
  function csrf() { return document.querySelector('meta[name="csrf"]').content; }
  /* parse: how the answer's text is read (JSON.parse unless given; the result page reads the
     proof as Python does, PinshangDraw.parseJson). */
  async function call(method, path, body, parse) {
    var response = await fetch(path, {
      method: method, credentials: "same-origin",
      headers: body === undefined ? { "X-CSRF-Token": csrf() } : { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    var data = {};
    try { data = (parse || JSON.parse)(await response.text()); } catch (_e) { data = {}; }
    if (!response.ok) { var err = new Error(data.reason || response.statusText); err.status = response.status; err.code = data.error; err.data = data; throw err; }
    return data;
  }
  /* What went wrong, in the page's language: by the platform's error code, never its English reason. */
  function problem(e) {
    if (e && e.status === undefined) return t("err_network");
    var code = (e && e.code) || "";
    var key = code === "rate_limited" ? "err_rate_" + ((e.data && e.data.limit) || "join") : "err_" + code;
    if (T[key]) return t(key, { s: e.data && e.data.retry_after });
    return t("err_other", { code: code || (e && e.status) });
  }
  /* A name in the page's language: "品尚小馆 Pinshang Bistro" (Chinese, a space, then Latin
     letters) is 品尚小馆 on Chinese pages and Pinshang Bistro on English ones; any other name as is. */
  function name(text) {
    var m = /^([^\x00-\x7f][^A-Za-z]*?)\s+([A-Za-z].*)$/.exec(text || "");
    if (!m) return text || "";
    return lang === "en" ? m[2] : m[1];
  }
  function yuan(fen) { return "¥" + (fen / 100).toFixed(2); }
  function el(id) { return document.getElementById(id); }
  function text(id, value) { var node = el(id); if (node) node.textContent = value; }
  function fillStatic() {
    document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
    document.querySelectorAll("[data-t]").forEach(function (node) { node.textContent = t(node.getAttribute("data-t")); });
    var other = el("lang");
    if (other) {
      other.textContent = lang === "en" ? "中文" : "English";
      other.addEventListener("click", function (ev) {
        ev.preventDefault();
        localStorage.setItem("ps_lang", lang === "en" ? "zh" : "en");
        var q = new URLSearchParams(location.search); q.delete("lang");
        location.search = q.toString();
      });
    }
  }
  function signinUrl() { return "/signin?next=" + encodeURIComponent(location.pathname + location.search); }
  window.Phone = { t: t, lang: lang, name: name, call: call, problem: problem, yuan: yuan, el: el, text: text, fillStatic: fillStatic, signinUrl: signinUrl };
})();
