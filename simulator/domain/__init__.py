"""Domain of the simulator: people, documents, accounts and their rules; imports no framework."""
