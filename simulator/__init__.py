"""Reference portal: behaves as the operating guides say, so the suite has an oracle to be proven on."""
