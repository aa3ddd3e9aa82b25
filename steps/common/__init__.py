"""Steps any system's scenarios use: people, any screen, external systems, SMS codes, expectations."""
