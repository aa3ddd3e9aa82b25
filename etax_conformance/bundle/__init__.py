"""The run folder as a bundle: pins, masking, manifest, Ed25519 signature, verification."""
