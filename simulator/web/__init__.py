"""Web layer: Chinese HTML pages over the service layer, built by an app factory."""
