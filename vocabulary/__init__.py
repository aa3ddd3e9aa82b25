"""The guides' vocabulary — document types, roles, credential rules, regions — shared by the steps and the simulator."""
