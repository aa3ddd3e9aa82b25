"""`etax-conformance explore`: model-based random walks over the guides (Hypothesis RuleBasedStateMachine).

A model per guide (models_its, models_liaoning, models_qingdao) chooses steps of the suite's own vocabulary (the
sentences of features/, run through their step functions: steps_call) with preconditions; each step acts on two
portals side by side (twin): the portal under test and the reference simulator configured with the portal's declared
readings. After each step both are observed through the guide's own assertions (the Then sentences of features/) and
compared; a difference is a divergence, which Hypothesis shrinks to a minimal sequence, written as a zh-CN scenario
(gherkin).
"""
