"""Test-only (ETAX_DEVIATIONS_MODULE): a switch registered on a row but hooked nowhere — no scenario can notice it."""

from simulator.deviations import register

register("TEST_DUMMY_UNNOTICED", "ITS-1.2-04", "words", "测试用：无任何挂钩的开关",
         "test only: a switch hooked nowhere")
