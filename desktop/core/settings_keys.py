"""Keys of the store's settings table, shared by services and the start-up snapshot."""

STORE_NAME = "store.name"
STORE_ID = "store.id"
LANGUAGE = "ui.language"  # "" = follow the system, "zh_CN" or "en"
DEMO_MODE = "demo.enabled"
TERMINAL_NAME = "terminal.name"  # written at pairing; redemptions record it
CHECKOUT_TENDERS = "checkout.tenders"  # comma-separated tender kinds; cash first
CHECKOUT_ROUND_JIAO = "checkout.round_jiao"  # "1": bills are rounded half-up to the jiao
DISCOUNT_LIMIT_BP = "checkout.discount_limit_bp"  # a cashier's most, in basis points of what is discounted
DISCOUNT_LIMIT_FEN = "checkout.discount_limit_fen"  # ... and in fen on one bill
DEMO_COIN_AUTHORIZATION = "demo.coin_authorization"  # the demo member's coin authorization QR, to try
