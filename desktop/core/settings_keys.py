"""Keys of the store's settings table, shared by services and the start-up snapshot."""

STORE_NAME = "store.name"
STORE_ID = "store.id"
LANGUAGE = "ui.language"  # "" = follow the system, "zh_CN" or "en"
DEMO_MODE = "demo.enabled"
TERMINAL_NAME = "terminal.name"  # written at first run and at pairing; redemptions record it
DEFAULT_TERMINAL_NAME = "Counter 1"  # until pairing names the terminal (never the host's name)
