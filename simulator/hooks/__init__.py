"""Conformance hooks: the versioned HTTP/JSON test-control API a portal's test build exposes."""
