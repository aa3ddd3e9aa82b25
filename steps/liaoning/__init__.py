"""Steps of the Liaoning e-tax bureau (辽宁省电子税务局)."""
