"""The document types of the Qingdao FAQ 6, spelt as the guide spells them: seven register directly, four only after
the tax service hall collected the holder's real-name information (采集实名信息)."""

from __future__ import annotations

#: FAQ 6: 可以直接通过电子税务局网页版或青岛税务APP（手机税税通）注册用户 (this order).
DIRECT = ("居民身份证", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "中国护照", "外国人永久居留身份证",
          "中华人民共和国港澳居民居住证", "中华人民共和国台湾居民居住证")
#: FAQ 6: 请先前往办税服务场所采集实名信息，再通过电子税务局完成用户注册.
HALL_FIRST = ("外国护照", "中华人民共和国外国人工作许可证(A类)", "中华人民共和国外国人工作许可证(B类)",
              "中华人民共和国外国人工作许可证(C类)")
ALL = (*DIRECT, *HALL_FIRST)
#: FAQ 6 writes 外国人永久居留身份证（外国人永久居留证）: the older card's name is the same type.
ALIASES = {"外国人永久居留证": "外国人永久居留身份证"}
#: Numbers that carry the 居民身份证 check digit (GB 11643): the ID card and the two residence permits.
CHECK_DIGIT_TYPES = ("居民身份证", "中华人民共和国港澳居民居住证", "中华人民共和国台湾居民居住证")


def canonical(label: str) -> str | None:
    """The guide's name of a document type (an alias mapped), or None for a type the FAQ does not list."""
    name = ALIASES.get(label.strip(), label.strip())
    return name if name in ALL else None


def initial_password(document_number: str) -> str:
    """FAQ 8: 个人用户密码的初始密码为证件号码后六位."""
    return document_number.strip().upper()[-6:]


def number_problem(kind: str, number: str) -> str | None:
    """Why a document number cannot be of this type (None: it can). The 居民身份证 is checked in full (GB 11643); the
    two 居住证 carry its check digit; other documents are 6 to 20 letters or digits."""
    from stdnum.cn import ric  # calc_check_digit takes the whole number and ignores its last character

    if not (number.isascii() and number.isalnum() and 6 <= len(number) <= 20):
        return "证件号码应为6到20位字母或数字"
    if kind == "居民身份证" and not ric.is_valid(number):
        return "居民身份证号码不正确（校验位或出生日期）"
    if kind in CHECK_DIGIT_TYPES[1:] and not (
            len(number) == 18 and number[:17].isdigit() and ric.calc_check_digit(number) == number[17]):
        return "居住证号码不正确（校验位）"
    return None
