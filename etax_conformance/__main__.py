"""`python -m etax_conformance` is the etax-conformance command."""

from etax_conformance.cli import main

raise SystemExit(main())
