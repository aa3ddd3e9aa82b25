"""profile@2 on static pages: values picked from rows, list items by text, option aliases, actions of gestures."""

from __future__ import annotations

from tests.common.static_portal import Make, RecordingHooks, chromium, static_portal

__all__ = ["chromium", "static_portal"]

MESSAGES = "messages: {area: '.toast'}\nscreens: {任一页面: {url: \"/*\"}}\n"


def test_a_value_is_picked_by_ticking_the_radio_of_the_row_that_shows_it(static_portal: Make) -> None:
    profile = MESSAGES + """
fields:
  办税单位: {pick: {rows: "#units tbody tr", control: "input[type=radio]"}}
  待办企业: {pick: {rows: "#todo li", match: whole}}
"""
    page = """<table id='units'><tbody>
      <tr><td><input type='radio' name='u' value='1'></td><td>甲公司</td></tr>
      <tr><td><input type='radio' name='u' value='2'></td><td>乙公司</td></tr></tbody></table>
      <ul id='todo'><li onclick="this.className='on'">丙公司分公司</li>
      <li onclick="this.className='on'">丙公司</li></ul>"""
    driver = static_portal(profile, {"/": page})
    driver.fill("办税单位", "乙公司")
    assert driver.page.locator("input[value='2']").is_checked()
    assert not driver.page.locator("input[value='1']").is_checked()
    driver.fill("待办企业", "丙公司")
    assert driver.page.locator("#todo li.on").inner_text() == "丙公司"
    assert driver.choices("待办企业") == ("丙公司分公司", "丙公司")
    assert driver.shows_field("办税单位")


def test_list_items_are_clicked_and_double_clicked_by_text_inside_their_container(static_portal: Make) -> None:
    profile = MESSAGES + """
lists:
  - {container: "#units", item: ".unit", match: whole}
"""
    page = """<div class='unit'>甲公司</div>
      <div id='units'><div class='unit' onclick="this.dataset.c='1'" ondblclick="this.dataset.d='1'">甲公司</div>
      <div class='unit'>甲公司分公司</div></div>"""
    driver = static_portal(profile, {"/": page})
    driver.click("甲公司")
    driver.double_click("甲公司")
    clicked = driver.page.locator("#units .unit").first
    assert clicked.get_attribute("data-c") == "1"
    assert clicked.get_attribute("data-d") == "1"


def test_aliases_fill_and_read_options_in_the_portals_wording_and_answer_in_the_guides(static_portal: Make) -> None:
    profile = MESSAGES + """
aliases: {法定代表人: 法定代表人（业主）, 办税人员: 办税员}
fields:
  证件类型: {selector: "#doc", aliases: {中华人民共和国护照: 中国护照}}
"""
    page = """<select id='doc'><option>居民身份证</option><option>中国护照</option></select>
      <label for='role'>身份</label>
      <select id='role'><option>法定代表人（业主）</option><option>办税员</option></select>
      <fieldset aria-label='身份类型'><label><input type='checkbox' id='b1'>法定代表人（业主）</label>
      <label><input type='checkbox' id='b2'>办税员</label></fieldset>
      <table><tr><td>张三</td><td>办税员</td></tr></table>"""
    driver = static_portal(profile, {"/": page})
    driver.fill("证件类型", "中华人民共和国护照")
    assert driver.page.input_value("#doc") == "中国护照"
    driver.fill("身份", "办税人员")
    assert driver.page.input_value("#role") == "办税员"
    assert driver.choices("身份") == ("法定代表人", "办税人员")
    assert driver.choices("证件类型") == ("居民身份证", "中华人民共和国护照")
    driver.fill("身份类型", "法定代表人")
    assert driver.page.locator("#b1").is_checked()
    assert driver.choices("身份类型") == ("法定代表人", "办税人员")
    driver.fill("办税人员", "勾选")
    assert driver.ticked("办税人员")
    assert driver.shows_row(("张三", "办税人员"))


def test_a_guide_action_is_done_as_the_profiles_sequence_of_gestures(static_portal: Make) -> None:
    profile = """messages: {area: ".toast"}
screens:
  注册协议:
    url: /agreement
    actions:
      阅读并同意用户注册协议: [{check: "#agree"}, {wait: 100}, {click: 下一步}, {wait: "#form"}]
actions:
  填写并提交: [{fill: {field: 手机号码, value: "13800000000"}}, {click: "#submit"}]
"""
    agreement = """<label><input type='checkbox' id='agree'>我已阅读</label>
      <button onclick="if (document.getElementById('agree').checked) location.href='/form'">下一步</button>"""
    form = "<div id='form'><label>手机号码<input id='phone'></label><button id='submit'>确定</button></div>"
    driver = static_portal(profile, {"/agreement": agreement, "/form": form})
    assert driver.shows_control("阅读并同意用户注册协议")
    driver.click("阅读并同意用户注册协议")
    assert driver.page.url.endswith("/form")
    assert not driver.shows_control("阅读并同意用户注册协议")
    driver.click("填写并提交")
    assert driver.page.input_value("#phone") == "13800000000"


def test_rows_are_the_profiles_and_a_control_in_a_row_is_found_through_the_profile(static_portal: Make) -> None:
    profile = MESSAGES + """
rows: ".person"
controls: {重置密码: "button.reset"}
"""
    page = """<div class='person'><span>张三</span><span>办税员</span>
      <button class='reset' onclick="this.textContent='已按'">密码重置</button></div>
      <div class='person'><span>李四</span><span>财务负责人</span>
      <button class='reset' onclick="this.textContent='已按'">密码重置</button></div>"""
    driver = static_portal(profile, {"/": page})
    assert driver.shows_row(("李四", "财务负责人"))
    assert not driver.shows_row(("张三", "财务负责人"))
    driver.click_in_row("李四", "重置密码")
    assert driver.page.locator(".person button").all_inner_texts() == ["密码重置", "已按"]


def test_an_implicit_action_is_nothing_to_do_and_is_offered_where_declared(static_portal: Make) -> None:
    """A portal that shoots the photo within 【开始人脸识别】 declares the suite's 拍摄 implicit."""
    profile = MESSAGES + """
screens:
  人脸识别: {url: /face, actions: {拍摄: implicit}}
"""
    face = "<button onclick=\"document.body.dataset.shot='1'\">开始人脸识别</button>"
    driver = static_portal(profile, {"/face": face})
    driver.click("开始人脸识别")
    assert driver.shows_control("拍摄")
    driver.click("拍摄")  # nothing to do: no such button, and no error
    assert driver.page.evaluate("document.body.dataset.shot") == "1"


def test_after_an_app_action_the_page_gets_the_gestures_the_profile_names_when_it_offers_them(
        static_portal: Make) -> None:
    """Confirm-then-press: after qr.confirm, press 【已扫码，继续】 on 扫码登录 — and on no other screen."""
    profile = MESSAGES + """
screens:
  扫码登录:
    url: /qr
    refresh: none
    after_app:
      qr.confirm: [{click: 已扫码，继续}]
  单位办税验证: {url: /units}
"""
    qr = "<button onclick=\"location.href='/units'\">已扫码，继续</button>"
    hooks = RecordingHooks()
    driver = static_portal(profile, {"/qr": qr, "/units": "<p>单位</p>"}, hooks=hooks)
    driver.hook("qr.current")
    assert driver.screen() == "扫码登录"  # another capability: nothing pressed
    driver.hook("qr.confirm", {"token": "t", "login_name": "zhangsan"})
    driver.page.wait_for_url("**/units")
    driver.refresh()
    assert driver.screen() == "单位办税验证"
    driver.hook("qr.confirm", {"token": "t", "login_name": "zhangsan"})  # no after_app here: nothing to press
    assert driver.screen() == "单位办税验证"
    assert [name for name, _ in hooks.calls] == ["qr.current", "qr.confirm", "qr.confirm"]


def test_after_app_gestures_are_skipped_when_the_page_does_not_offer_them(static_portal: Make) -> None:
    profile = MESSAGES + """
screens:
  扫码登录: {url: /qr, refresh: none, after_app: {qr.confirm: [{click: 已扫码，继续}]}}
"""
    driver = static_portal(profile, {"/qr": "<p>二维码已过期</p><button>刷新二维码</button>"})
    driver.page.evaluate("window.mark = 1")
    driver.hook("qr.confirm", {"token": "t", "login_name": "zhangsan"})
    driver.refresh()  # none: the page is read as it is, not reloaded
    assert driver.page.evaluate("window.mark") == 1
