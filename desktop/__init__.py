"""Pinshang Counter: the desktop counter client."""

__version__ = "0.1.0"
