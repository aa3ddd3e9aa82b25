"""The alt skin: the simulator's screens as another team would mark them up (own paths, names, ids, layout)."""
