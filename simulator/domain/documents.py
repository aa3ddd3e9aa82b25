"""Re-export: the 证件类型 are the guides' vocabulary (vocabulary/documents.py), which the simulator uses."""

from vocabulary.documents import DocumentType

__all__ = ["DocumentType"]
