"""marsad: conflict news in, evidence-linked conflict event data out."""

__version__ = "0.1.0"
EXTRACTOR_VERSION = "1"
