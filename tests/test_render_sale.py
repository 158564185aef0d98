"""`pinshang render sale-receipt --demo` renders the receipt of a real demo sale, coins and all."""

from __future__ import annotations

from pathlib import Path

from desktop.cli import main


def test_the_demo_sale_receipt_is_a_real_sale_with_coins(tmp_path: Path, qapp, memory_keyring) -> None:
    out = tmp_path / "receipt.bin"
    assert main(["render", "sale-receipt", "--demo", "--out", str(out)]) == 0
    printed = out.read_bytes()
    for text in ("S000001", "购物币 Coins x", "找零 Change", "微信支付 WeChat Pay", "138****0001"):
        assert text.encode("gb18030") in printed, text
    assert not [name for _service, name in memory_keyring.secrets if name.startswith("token")]  # no token left
