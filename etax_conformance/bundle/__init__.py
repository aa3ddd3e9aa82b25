"""The run folder as a bundle: pins, masking (drivers/masking.py), manifest, Ed25519 signature, verification."""
