"""Step definitions: thin, in the guides' words, over the PortalDriver protocol (no selectors, URLs or HTTP)."""
