"""Persistence for the simulator: SQLite by default (a file when served, memory in-process)."""
