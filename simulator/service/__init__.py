"""Service layer: the guides' flows as explicit states, each step returning what the user sees."""
