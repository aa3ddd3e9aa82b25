"""The Liaoning e-tax bureau (辽宁省电子税务局): enterprise login, handler sync and the handlers' second factor."""
