/* Checking a draw proof in the browser: pinshang-draw-v1 and pinshang-draw-v2, written from
   docs/draw.md with Web Crypto (SHA-256, HMAC-SHA256, Ed25519). It stops at the first thing
   that does not match and says it in one sentence (the same sentences as `pinshang verify-draw`).
   Runs in the browser (the result page) and in node (the cross-check of tests/phone). */
(function (root) {
  "use strict";
  var V1 = "pinshang-draw-v1", V2 = "pinshang-draw-v2";
  var FIELDS = ["v", "group_id", "commitment", "seed", "k", "entries", "winners"];
  var subtle = (root.crypto || {}).subtle;
  var enc = new TextEncoder();

  function Reject(template, params) { this.template = template; this.params = params || {}; }
  function fail(template, params) { throw new Reject(template, params); }
  function fill(template, params) {
    return template.replace(/\{(\w+)\}/g, function (_m, name) { return String(params[name]); });
  }
  function isHex(text, minBytes, exactBytes) {
    if (typeof text !== "string" || text.length % 2 !== 0 || !/^[0-9a-f]*$/.test(text)) return false;
    if (exactBytes !== undefined) return text.length === 2 * exactBytes;
    return text.length >= 2 * minBytes;
  }
  function hexBytes(hex) {
    var out = new Uint8Array(hex.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(2 * i, 2), 16);
    return out;
  }
  function toHex(bytes) {
    var b = new Uint8Array(bytes), s = "";
    for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? "0" : "") + b[i].toString(16);
    return s;
  }
  function concat(a, b) {
    var out = new Uint8Array(a.length + b.length);
    out.set(a, 0); out.set(b, a.length);
    return out;
  }
  function pyRepr(value) {  // how the Python checker names a wrong version
    if (value === undefined || value === null) return "None";
    if (value === true) return "True";
    if (value === false) return "False";
    if (value instanceof PyFloat) {
      if (!isFinite(value.value)) return value.value !== value.value ? "nan" : value.value > 0 ? "inf" : "-inf";
      return Number.isInteger(value.value) && Math.abs(value.value) < 1e16 ? value.value + ".0" : String(value.value);
    }
    if (typeof value === "string") return "'" + value + "'";
    return String(value);
  }
  /* JSON as Python's json.loads reads it: a number with a fraction or an exponent is a float,
     never an integer (so "k": 1.0 is refused as Python refuses it); big integers stay exact. */
  function PyFloat(text) { this.text = text; this.value = Number(text); }
  PyFloat.prototype.toJSON = function () { return this.value; };
  function parseJson(text) {
    var i = 0, n = text.length;
    function bad() { throw new SyntaxError("not JSON"); }
    function ws() { while (i < n && " \t\n\r".indexOf(text[i]) >= 0) i++; }
    function value(depth) {
      if (depth > 900) bad();
      ws();
      var c = text[i];
      if (c === "{") {
        i++; var obj = {}; ws();
        if (text[i] === "}") { i++; return obj; }
        for (;;) {
          ws(); if (text[i] !== "\"") bad();
          var key = string(); ws(); if (text[i] !== ":") bad(); i++;
          obj[key] = value(depth + 1); ws();
          if (text[i] === ",") { i++; continue; }
          if (text[i] === "}") { i++; return obj; }
          bad();
        }
      }
      if (c === "[") {
        i++; var arr = []; ws();
        if (text[i] === "]") { i++; return arr; }
        for (;;) {
          arr.push(value(depth + 1)); ws();
          if (text[i] === ",") { i++; continue; }
          if (text[i] === "]") { i++; return arr; }
          bad();
        }
      }
      if (c === "\"") return string();
      var words = [["true", true], ["false", false], ["null", null], ["NaN", new PyFloat("NaN")],
                   ["Infinity", new PyFloat("Infinity")], ["-Infinity", new PyFloat("-Infinity")]];
      for (var w = 0; w < words.length; w++) {
        if (text.startsWith(words[w][0], i)) { i += words[w][0].length; return words[w][1]; }
      }
      var m = /^-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(text.slice(i, i + 400));
      if (!m) bad();
      i += m[0].length;
      if (m[1] || m[2]) return new PyFloat(m[0]);
      var big = BigInt(m[0]);
      return big >= BigInt(-Number.MAX_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
    }
    function string() {
      var start = i; i++;
      while (i < n && text[i] !== "\"") { if (text[i] === "\\") i++; i++; }
      if (i >= n) bad();
      i++;
      return JSON.parse(text.slice(start, i));
    }
    var out = value(0); ws();
    if (i !== n) bad();
    return out;
  }
  function isInt(value) { return (typeof value === "number" && Number.isInteger(value)) || typeof value === "bigint"; }

  /* Which Ed25519 public keys are trusted (docs/draw.md, as desktop/core/ed25519_keys.py):
     canonical (y < p; x = 0 only with the sign bit clear), on the curve, not of small order and
     without a small-order component ([L]P is the identity). Under a weak key a forged beacon
     (R = a small-order point, S = 0) verifies for any message, so such a key is never trusted. */
  var P = (1n << 255n) - 19n;
  var L = (1n << 252n) + 27742317777372353535851937790883648493n;
  function mod(a) { var r = a % P; return r < 0n ? r + P : r; }
  function modpow(b, e) { var r = 1n; b = mod(b); while (e > 0n) { if (e & 1n) r = r * b % P; b = b * b % P; e >>= 1n; } return r; }
  var CURVE_D = mod(-121665n * modpow(121666n, P - 2n));
  var SQRT_M1 = modpow(2n, (P - 1n) / 4n);
  function decodePoint(raw) {
    var value = 0n;
    for (var i = raw.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(raw[i]);
    var sign = value >> 255n, y = value & ((1n << 255n) - 1n);
    if (y >= P) return null;
    var u = mod(y * y - 1n), v = mod(CURVE_D * y * y + 1n);
    var x = mod(u * modpow(v, 3n) * modpow(u * modpow(v, 7n), (P - 5n) / 8n));
    if (mod(v * x * x - u) !== 0n) {
      if (mod(v * x * x + u) !== 0n) return null;
      x = x * SQRT_M1 % P;
    }
    if (x === 0n && sign === 1n) return null;
    if ((x & 1n) !== sign) x = P - x;
    return [x, y, 1n, x * y % P];
  }
  function addPoints(a, b) {
    var e1 = mod((a[1] - a[0]) * (b[1] - b[0])), e2 = mod((a[1] + a[0]) * (b[1] + b[0]));
    var c = mod(2n * CURVE_D * a[3] * b[3]), dd = mod(2n * a[2] * b[2]);
    var e = e2 - e1, f = dd - c, g = dd + c, h = e2 + e1;
    return [mod(e * f), mod(g * h), mod(f * g), mod(e * h)];
  }
  function multiplyPoint(scalar, point) {
    var result = [0n, 1n, 1n, 0n], addend = point;
    while (scalar > 0n) {
      if (scalar & 1n) result = addPoints(result, addend);
      addend = addPoints(addend, addend);
      scalar >>= 1n;
    }
    return result;
  }
  function isIdentity(p) { return mod(p[0]) === 0n && mod(p[1] - p[2]) === 0n; }
  function isTrustedKey(raw) {
    if (raw.length !== 32) return false;
    var point = decodePoint(raw);
    if (point === null) return false;
    if (isIdentity(multiplyPoint(8n, point))) return false;
    return isIdentity(multiplyPoint(L, point));
  }

  async function sha256(bytes) { return new Uint8Array(await subtle.digest("SHA-256", bytes)); }
  async function hmac(keyBytes, msg) {
    var key = await subtle.importKey("raw", keyBytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    return new Uint8Array(await subtle.sign("HMAC", key, msg));
  }

  /* Step 3: D = SHA-256 of the compact JSON of [[entry_id, nonce], ...], characters as themselves. */
  async function entriesDigest(entries) {
    var pairs = entries.map(function (e) { return [e.entry_id, e.nonce]; });
    return sha256(enc.encode(JSON.stringify(pairs)));
  }

  /* Steps 4 and 5: the HMAC stream read as unsigned 64-bit big-endian words; uniform below n. */
  function Stream(key, digest) { this.key = key; this.digest = digest; this.counter = 0; this.words = []; }
  Stream.prototype.next = async function () {
    if (this.words.length === 0) {
      var c = this.counter++;
      var block = await hmac(this.key, concat(this.digest, new Uint8Array([c >>> 24 & 255, c >>> 16 & 255, c >>> 8 & 255, c & 255])));
      for (var w = 0; w < 4; w++) {
        var x = 0n;
        for (var i = 0; i < 8; i++) x = (x << 8n) | BigInt(block[8 * w + i]);
        this.words.push(x);
      }
    }
    return this.words.shift();
  };
  async function uniform(n, stream) {
    var big = BigInt(n), two64 = 1n << 64n, limit = two64 - (two64 % big);
    for (;;) { var x = await stream.next(); if (x < limit) return Number(x % big); }
  }

  /* Step 6: a partial Fisher-Yates shuffle of the eligible entry ids. */
  async function drawWinners(key, entries, k) {
    var pool = entries.filter(function (e) { return e.eligible; }).map(function (e) { return e.entry_id; });
    var stream = new Stream(key, await entriesDigest(entries));
    for (var j = 0; j < k; j++) {
      var r = await uniform(pool.length - j, stream);
      var t = pool[j]; pool[j] = pool[j + r]; pool[j + r] = t;
    }
    return pool.slice(0, k);
  }

  function checkFields(proof, v2) {
    var kinds = [["group_id", "string"], ["commitment", "string"], ["seed", "string"], ["k", "int"],
                 ["entries", "list"], ["winners", "list"]];
    if (v2) kinds.push(["beacon", "string"], ["platform_key", "string"]);
    var words = { string: "a string", int: "an integer", list: "a list" };
    kinds.forEach(function (pair) {
      var name = pair[0], kind = pair[1];
      if (!Object.prototype.hasOwnProperty.call(proof, name)) fail("The field “{field}” is missing", { field: name });
      var value = proof[name];
      var good = kind === "string" ? typeof value === "string"
        : kind === "int" ? isInt(value)
        : Array.isArray(value);
      if (!good) fail("The field “{field}” must be {kind}", { field: name, kind: words[kind] });
    });
    var allowed = FIELDS.concat(v2 ? ["beacon", "platform_key"] : []);
    var extra = Object.keys(proof).filter(function (f) { return allowed.indexOf(f) < 0; }).sort();
    if (extra.length) fail("Unexpected field “{field}”", { field: extra[0] });
    if (!proof.winners.every(function (w) { return typeof w === "string"; })) fail("Every winner must be an entry id string");
  }

  function checkEntries(raw) {
    var seen = {}, out = [];
    raw.forEach(function (e, index) {
      var n = index + 1;
      var keys = e && typeof e === "object" && !Array.isArray(e) ? Object.keys(e).sort().join(",") : "";
      if (keys !== "eligible,entry_id,nonce") fail("Entry {n} must be an object with entry_id, nonce and eligible", { n: n });
      if (typeof e.entry_id !== "string" || e.entry_id === "") fail("Entry {n} has an empty or non-string entry_id", { n: n });
      if (typeof e.eligible !== "boolean") fail("Entry {id}: eligible must be true or false", { id: e.entry_id });
      if (!isHex(e.nonce, 16)) fail("Entry {id} has a bad nonce: it must be lower-case hex of at least 16 bytes", { id: e.entry_id });
      if (Object.prototype.hasOwnProperty.call(seen, e.entry_id)) fail("Duplicate entry id “{id}”", { id: e.entry_id });
      seen[e.entry_id] = true;
      out.push({ entry_id: e.entry_id, nonce: e.nonce, eligible: e.eligible });
    });
    return out;
  }

  async function beaconValid(keyBytes, beacon, message) {
    if (!isTrustedKey(keyBytes)) return false;
    try {
      var key = await subtle.importKey("raw", keyBytes, { name: "Ed25519" }, false, ["verify"]);
      return await subtle.verify({ name: "Ed25519" }, key, beacon, message);
    } catch (_e) {
      return false;
    }
  }

  async function check(proof, expectedKey) {
    if (proof.v !== V1 && proof.v !== V2) {
      fail("Wrong version {found}: this checker knows {expected}", { found: pyRepr(proof.v), expected: V1 + " and " + V2 });
    }
    var v2 = proof.v === V2;
    checkFields(proof, v2);
    if (!isHex(proof.seed, 0, 32)) fail("The seed must be 64 lower-case hex digits (32 bytes)");
    var seed = hexBytes(proof.seed), actual = toHex(await sha256(seed));
    if (actual !== proof.commitment) {
      fail("Commitment mismatch: SHA-256 of the seed is {actual}, the proof's commitment is {published}",
           { actual: actual, published: proof.commitment });
    }
    var entries = checkEntries(proof.entries);
    var m = entries.filter(function (e) { return e.eligible; }).length;
    if (!(1 <= proof.k && proof.k <= m)) {
      fail("k is {k}, out of range: it must be between 1 and the {m} eligible entries", { k: proof.k, m: m });
    }
    var streamKey = seed;
    var digest = await entriesDigest(entries);
    if (v2) {
      if (!isHex(proof.platform_key, 0, 32)) fail("The field “{field}” must be {digits} lower-case hex digits ({size} bytes)", { field: "platform_key", digits: 64, size: 32 });
      if (expectedKey && proof.platform_key !== expectedKey) {
        fail("The beacon is signed under the key {found}, not the platform's key {expected}", { found: proof.platform_key, expected: expectedKey });
      }
      if (!isHex(proof.beacon, 0, 64)) fail("The field “{field}” must be {digits} lower-case hex digits ({size} bytes)", { field: "beacon", digits: 128, size: 64 });
      var beacon = hexBytes(proof.beacon);
      var message = concat(enc.encode("pinshang-beacon-v2\n" + proof.group_id + "\n" + proof.commitment + "\n"), digest);
      if (!(await beaconValid(hexBytes(proof.platform_key), beacon, message))) {
        fail("The beacon is not the platform key's signature over this group, commitment and entries");
      }
      streamKey = await hmac(seed, concat(enc.encode("pinshang-draw-v2"), beacon));
    }
    var winners = await drawWinners(streamKey, entries, proof.k);
    for (var i = 0; i < Math.min(winners.length, proof.winners.length); i++) {
      if (winners[i] !== proof.winners[i]) {
        fail("Winner {i} differs: expected {expected}, the proof says {found}", { i: i + 1, expected: winners[i], found: proof.winners[i] });
      }
    }
    if (winners.length !== proof.winners.length) {
      fail("Wrong number of winners: the proof lists {found}, k is {k}", { found: proof.winners.length, k: winners.length });
    }
    return winners;
  }

  /* The proof as text or as a parsed object; expectedKey: the platform's key (64 hex) or "". */
  async function verifyProof(input, expectedKey) {
    var template, params;
    try {
      var proof = input;
      if (typeof input === "string") {
        try { proof = parseJson(input); } catch (_e) { fail("The proof is not valid JSON"); }
      }
      if (!proof || typeof proof !== "object" || Array.isArray(proof)) fail("The proof must be a JSON object");
      var winners = await check(proof, expectedKey || "");
      template = "The draw proof checks out: winners {winners}";
      params = { winners: winners.join(", ") };
      return { ok: true, template: template, params: params, sentence: fill(template, params) };
    } catch (e) {
      if (!(e instanceof Reject)) throw e;
      return { ok: false, template: e.template, params: e.params, sentence: fill(e.template, e.params) };
    }
  }

  var api = { verifyProof: verifyProof, parseJson: parseJson, isTrustedKey: isTrustedKey, fill: fill, V1: V1, V2: V2 };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.PinshangDraw = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
