"""Drivers: one protocol in the guides' terms, an in-process and a browser implementation."""
