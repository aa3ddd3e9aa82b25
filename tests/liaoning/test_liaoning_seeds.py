"""Seeding the Liaoning e-tax bureau: bad payloads get clear errors and store nothing; the enterprise factory."""

from __future__ import annotations

from typing import Any

import pytest
from stdnum.cn import uscc

from fixtures.enterprises import EnterpriseFactory
from simulator.bootstrap import Portal
from simulator.common.test_control import SeedError

_FACTORY = EnterpriseFactory("seeds")
GOOD, UNSEEDED = _FACTORY.enterprise(), _FACTORY.enterprise()
ID_NUMBER = "11010519491231002X"


def _seed(portal: Portal, **payload: Any) -> dict[str, Any]:
    return portal.test_control.call("seed.enterprise", {"tax_id": GOOD.tax_id, "name": GOOD.name,
                                                        "password": GOOD.password, **payload})


@pytest.mark.parametrize(("payload", "words"), [
    ({"tax_id": GOOD.tax_id_with_wrong_check_digit()}, "校验位"),
    ({"tax_id": "12345"}, "纳税人识别号"),
    ({"name": " "}, "'name'"),
    ({"password": "a b"}, "spaces"),
    ({"social_security_only": "yes"}, "true or false"),
])
def test_bad_enterprises_are_refused_and_nothing_is_stored(portal: Portal, payload: dict[str, Any],
                                                           words: str) -> None:
    with pytest.raises(SeedError, match=words):
        _seed(portal, **payload)
    assert portal.externals.script.core.registration(GOOD.tax_id) is None
    _seed(portal)  # the good one still goes in: nothing was half-created


def test_an_enterprise_is_seeded_once(portal: Portal) -> None:
    _seed(portal)
    with pytest.raises(SeedError, match="已开通"):
        _seed(portal)


@pytest.mark.parametrize(("capability", "payload", "words"), [
    ("seed.registration_person", {"tax_id": UNSEEDED.tax_id, "role": "法定代表人", "name": "张三",
                                  "id_number": ID_NUMBER}, "seed.enterprise"),
    ("seed.registration_person", {"tax_id": GOOD.tax_id, "role": "董事长", "name": "张三", "id_number": ID_NUMBER},
     "未知"),
    ("seed.registration_person", {"role": "法定代表人", "name": "张三", "id_number": "110105194912310021"},
     "居民身份证"),
    ("seed.real_name_collection", {"id_number": ID_NUMBER, "name": "张三", "mobile": "1380013"}, "'mobile'"),
    ("seed.real_name_collection", {"id_number": ID_NUMBER, "name": "张三", "mobile": "13800138000",
                                   "enterprises": "all"}, "list"),
    ("handler.freeze", {"id_number": ID_NUMBER}, "sync"),
])
def test_bad_people_are_refused(portal: Portal, capability: str, payload: dict[str, Any], words: str) -> None:
    _seed(portal)
    payload = {"tax_id": GOOD.tax_id, **payload}
    with pytest.raises(SeedError, match=words):
        portal.test_control.call(capability, payload)


def test_the_factory_draws_valid_distinct_codes_deterministically() -> None:
    assert EnterpriseFactory("same").enterprise() == EnterpriseFactory("same").enterprise()
    factory = EnterpriseFactory("many")
    many = [factory.enterprise() for _ in range(50)]
    assert all(uscc.is_valid(e.tax_id) and e.tax_id.startswith("9121") for e in many)
    assert len({e.tax_id for e in many}) == len({e.name for e in many}) == 50
    assert not uscc.is_valid(many[0].tax_id_with_wrong_check_digit())
