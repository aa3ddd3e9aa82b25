"""The table of scripts/relayout.py: where each module, step, test and screen page goes (issue 9's layout)."""

from __future__ import annotations

#: What a rule does besides moving: keep the file where it is, or remove an emptied package's __init__.py.
STAY, DELETE_IF_EMPTY = "stay", "delete-if-empty"

# The systems the guides describe, by their glossary names (docs/glossary.md), and the shared part:
#   common          shared machinery (router, flows' base, views, sessions, captcha, SMS codes, test control …)
#   its             the ITS withholding client (扣缴客户端)
#   natural_person  the natural-person platform: WEB registration and the 个人所得税APP
#   liaoning        the Liaoning e-tax bureau (辽宁省电子税务局)
#   mobile_tax_app  the 移动办税APP
# Qingdao: add `qingdao` rules (and docstrings) here; nothing that exists moves.
SIM = "simulator/service"
ITS = r"login|qr_login|former_login|login_dates|password_reset|declaration_password|unit_\w+|qr_\w+"
NATURAL = r"registration|registration_\w+|web_registration_\w+|app_\w+"
COMMON = (r"router|flow|flows|views|sessions|captcha|sms_codes|passwords|item_lists|row_controls|external_control"
          r"|test_control|test_control_\w+|screens|forms|hooks_\w+")
SCREENS = r"(?P<dir>simulator/web/templates/screens|simulator/web/templates_alt/ym)"

#: (regular expression matching a whole path, its new path as a `re.Match.expand` template, or STAY/DELETE_IF_EMPTY).
#: The first rule that matches a file wins; a file in a regrouped folder that no rule matches is reported and left.
RULES: list[tuple[str, str]] = [
    # simulator: the flat service package becomes one package per system plus common
    (rf"{SIM}/__init__\.py", DELETE_IF_EMPTY),
    (rf"{SIM}/liaoning/(?P<rest>.+)", r"simulator/liaoning/\g<rest>"),
    (rf"{SIM}/mobile_tax_app/(?P<rest>.+)", r"simulator/mobile_tax_app/\g<rest>"),
    (rf"{SIM}/(?P<m>{COMMON})\.py", r"simulator/common/\g<m>.py"),
    (rf"{SIM}/its_(?P<m>\w+)\.py", r"simulator/its/\g<m>.py"),
    (rf"{SIM}/(?P<m>{ITS})\.py", r"simulator/its/\g<m>.py"),
    (rf"{SIM}/(?P<m>{NATURAL})\.py", r"simulator/natural_person/\g<m>.py"),
    (rf"{SIM}/liaoning_(?P<m>\w+)\.py", r"simulator/liaoning/\g<m>.py"),
    (rf"{SIM}/(?:mobile_tax_app|mtax)_(?P<m>\w+)\.py", r"simulator/mobile_tax_app/\g<m>.py"),
    # the guides' vocabulary: roles move; documents and credentials left re-exports behind (removed when shims)
    (r"simulator/domain/(?P<m>roles|documents|credentials)\.py", r"vocabulary/\g<m>.py"),
    # steps: one package per system plus common; the Liaoning prefix becomes the package
    (r"steps/__init__\.py", STAY),
    (r"steps/(?P<m>expect|sms|labels|people_steps|portal_steps|external_steps|time_steps|screen_steps)\.py",
     r"steps/common/\g<m>.py"),
    (r"steps/common_(?P<m>\w+)\.py", r"steps/common/\g<m>.py"),
    (r"steps/its_(?P<m>\w+)\.py", r"steps/its/\g<m>.py"),
    (r"steps/(?P<m>login_\w+|qr_\w+|unit_\w+|former_login\w*|password_reset\w*|reset_password\w*"
     r"|declaration_password\w*)\.py",
     r"steps/its/\g<m>.py"),
    (r"steps/(?P<m>registration\w*|web_registration\w*|app_\w+)\.py", r"steps/natural_person/\g<m>.py"),
    (r"steps/liaoning_(?P<m>\w+)\.py", r"steps/liaoning/\g<m>.py"),
    (r"steps/mobile_tax_app_steps\.py", r"steps/mobile_tax_app/app_steps.py"),
    (r"steps/mobile_tax_app_(?P<m>\w+)\.py", r"steps/mobile_tax_app/\g<m>.py"),
    # tests: folders per system plus common (no __init__.py: pytest imports them by rootdir, names stay unique)
    (r"tests/conftest\.py", STAY),
    (r"tests/test_variant_(?P<s>its|natural_person|liaoning|mobile_tax_app)\.py", r"tests/\g<s>/test_variant_\g<s>.py"),
    (r"tests/(?P<m>test_liaoning_\w+|liaoning_\w+|personnel_visitor)\.py", r"tests/liaoning/\g<m>.py"),
    (r"tests/(?P<m>test_mobile_tax_app\w*|mobile_tax_app_\w+)\.py", r"tests/mobile_tax_app/\g<m>.py"),
    (r"tests/(?P<m>test_(?:its_\w+|account_lock|login\w*|qr_\w+|unit\w*|former_login\w*|declaration_password\w*"
     r"|password_reset\w*)|its_\w+)\.py", r"tests/its/\g<m>.py"),
    (r"tests/(?P<m>test_(?:app_\w+|web_registration\w*|registration\w*|rare_characters\w*)|app_visitor)\.py",
     r"tests/natural_person/\g<m>.py"),
    (r"tests/(?P<m>test_(?:catalog\w*|coverage\w*|credentials\w*|roles\w*|identities\w*|import_direction"
     r"|grouped_templates|hooks\w*|external\w*|core_tax\w*|item_lists\w*|row_controls\w*|sms_codes\w*|store\w*"
     r"|page_fields\w*|preflight\w*|profile\w*|run_command\w*|served_simulator\w*|steps_are_thin|failure\w*"
     r"|alt_skin\w*|relayout\w*|vocabulary\w*|documents\w*|regions\w*|compare\w*|results\w*|cli\w*|serve\w*"
     r"|browser\w*|drivers?\w*|gestures\w*|page_finder\w*|captcha\w*|router\w*|sessions\w*|views\w*|readings\w*"
     r"|variant_serving|variant_common|openapi\w*)"
     r"|static_portal)\.py", r"tests/common/\g<m>.py"),
    # screens' pages: one folder per system (found by simulator/web/grouped_templates.py)
    (rf"{SCREENS}/(?P<m>ln_[\w-]+)\.html", r"\g<dir>/liaoning/\g<m>.html"),
    (rf"{SCREENS}/(?P<m>mtax_[\w-]+)\.html", r"\g<dir>/mobile_tax_app/\g<m>.html"),
    (rf"{SCREENS}/(?P<m>app_download|login|qr_[\w-]+|unit_[\w-]+|forgot_declaration_password|former_login[\w-]*"
     r"|declaration_password[\w-]*|password_reset[\w-]*)\.html", r"\g<dir>/its/\g<m>.html"),
    (rf"{SCREENS}/(?P<m>app_[\w-]+|registration[\w-]*|web_registration[\w-]*|rare_characters)\.html",
     r"\g<dir>/natural_person/\g<m>.html"),
    (rf"{SCREENS}/(?P<m>generic|tongyong|_[\w-]+)\.html", r"\g<dir>/common/\g<m>.html"),
]

#: Folders whose files must each match a rule (else they are reported); `*` is one level, `**` any depth.
REGROUPED = ["simulator/service/**", "steps/*.py", "tests/*.py", "simulator/web/templates/screens/*.html",
             "simulator/web/templates_alt/ym/*.html"]

#: A screens folder is grouped only when the pages module serving it finds pages in system folders.
TEMPLATE_FOLDERS = {"simulator/web/templates/screens": "simulator/web/pages.py",
                    "simulator/web/templates_alt/ym": "simulator/web/alt/pages.py"}
GROUPED_LOADER = "GroupedTemplates("

#: Names that left a module without the module moving: (old module, name) → the module that holds it now.
NAME_MOVES = {("simulator.domain.registration", "PROVINCES"): "vocabulary.regions"}

#: Literal edits once everything moved: (path, old text, new text) — a re-export nobody needs any more, and
#: the package data taking the screens' pages in their folders.
EDITS = [("simulator/domain/registration.py",
          "from vocabulary.regions import PROVINCES as PROVINCES  # re-exported: the web registration lists them\n",
          ""),
         ("pyproject.toml", '"simulator.web" = ["templates/*.html"', '"simulator.web" = ["templates/**/*.html"')]

#: Documents whose first fenced block drawing the tree (it starts with `features/`) is replaced by a drawing.
TREE_DRAWINGS = {"docs/architecture.md": "scripts/relayout_tree.txt"}

#: The one-line docstring of each package the layout creates.
PACKAGES = {
    "simulator/common": "The simulator's shared machinery: router, flows, views, sessions, captcha, SMS, test control.",
    "simulator/its": "The ITS withholding client (扣缴客户端): real-name and QR login, unit verification, 申报密码.",
    "simulator/natural_person": "The natural-person platform: the WEB real-name registration and the 个人所得税APP.",
    "simulator/liaoning": "The Liaoning e-tax bureau (辽宁省电子税务局): logins, handlers, 企业人员维护, 密码管理.",
    "simulator/mobile_tax_app": "The 移动办税APP (Liaoning manual 四): sign-in, 【服务】 and 实名采集.",
    "vocabulary": "The guides' vocabulary — document types, roles, credential rules, regions — shared by the steps "
                  "and the simulator.",
    "steps/common": "Steps any system's scenarios use: people, any screen, external systems, SMS codes, expectations.",
    "steps/its": "Steps of the ITS withholding client (扣缴客户端): login, QR login, unit verification.",
    "steps/natural_person": "Steps of the natural-person platform: WEB registration and the 个人所得税APP.",
    "steps/liaoning": "Steps of the Liaoning e-tax bureau (辽宁省电子税务局).",
    "steps/mobile_tax_app": "Steps of the 移动办税APP (Liaoning manual 四).",
}
#: Trees whose new folders are Python packages (tests/ folders are not: pytest imports tests by rootdir).
PACKAGE_TREES = ("simulator/", "steps/", "vocabulary")

#: Files never rewritten: the record of the move itself names the old paths on purpose.
NOT_REWRITTEN = ["scripts/relayout*", "tests/**/test_relayout.py", "tests/test_relayout.py", "reports/**"]
REWRITTEN_SUFFIXES = (".py", ".md", ".toml", ".ini", ".cfg", ".yaml", ".yml", ".html", ".txt", ".sh")
#: References left over that the report lists: the dissolved package by either spelling.
STALE = r"simulator[./]service\b"
