"""etax-conformance: a BDD conformance suite and reference simulator for Chinese e-tax portal login flows."""

__version__ = "0.1.0"
