"""Probes of issue 11: the served portal under races, attacks and hostile input, each printing its figure."""
