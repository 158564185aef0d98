// Reads proofs (a JSON list of {proof, key}) on stdin (read as Python reads JSON: 1.0 is a float), prints one JSON list of {ok, sentence}.
const draw = require("../../central/phone/static/drawcheck.js");
let text = "";
process.stdin.on("data", (chunk) => { text += chunk; });
process.stdin.on("end", async () => {
  const out = [];
  for (const item of draw.parseJson(text)) {
    const r = await draw.verifyProof(item.proof, item.key || "");
    out.push({ ok: r.ok, sentence: r.sentence });
  }
  process.stdout.write(JSON.stringify(out));
});
