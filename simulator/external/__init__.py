"""External systems the guides imply (SMS gateway, public-security face comparison), behind ports."""
