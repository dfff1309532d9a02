"""The German catalogue is complete and shipped: every string in the code has a finished German
translation, the compiled .qm matches the .ts, and our reader of the .qm (for code without Qt)
agrees with Qt's own. Fix a failure with `python resources/translations/update.py` (see its docstring)."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from tray_app import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "awork_tray_de.ts"
QM = ROOT / "resources" / "translations" / "awork_tray_de.qm"


def _update_module():
    spec = importlib.util.spec_from_file_location("translations_update", ROOT / "resources" / "translations" / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def test_every_german_translation_is_finished():
    problems = [f"{ctx}: {src!r} ({tr.get('type') or 'empty'})" for (ctx, src), tr in messages(TS).items()
                if tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip()]
    assert not problems, "German missing or unfinished:\n" + "\n".join(problems)


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path):
    """lupdate over tray_app/ into a copy: a new string shows up there, a removed one drops out."""
    update = _update_module()
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    update.lupdate(fresh, "de")
    ours, code = set(messages(TS)), set(messages(fresh))
    assert not code - ours, "not in awork_tray_de.ts yet (run update.py, then translate):\n" + \
        "\n".join(f"{c}: {s!r}" for c, s in sorted(code - ours))
    assert not ours - code, "no longer in the code (run update.py):\n" + "\n".join(f"{c}: {s!r}" for c, s in sorted(ours - code))


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    fresh = tmp_path / QM.name
    _update_module().lrelease(TS, fresh)
    assert fresh.read_bytes() == QM.read_bytes(), "awork_tray_de.qm is stale: run resources/translations/update.py"


def test_translations_keep_placeholders_accelerators_and_lines():
    problems = []
    for (context, source), element in messages(TS).items():
        translation = element.text or ""
        checks = {
            "placeholders": sorted(re.findall(r"\{\d*\}", source)) == sorted(re.findall(r"\{\d*\}", translation)),
            "keyboard accelerator (&)": source.count("&") == translation.count("&"),
            "line breaks": source.count("\n") == translation.count("\n"),
            # … marks what opens a window or takes a moment, in both languages.
            "trailing …": source.endswith("…") == translation.endswith("…"),
        }
        problems += [f"{context}: {source!r}: {what}" for what, ok in checks.items() if not ok]
    assert not problems, "\n".join(problems)


def test_our_qm_reader_agrees_with_qt():
    from PySide6.QtCore import QTranslator

    qt = QTranslator()
    assert qt.load(str(QM))
    ours = i18n.read_qm(QM.read_bytes())
    assert set(ours) == set(messages(TS))
    for (context, source), text in ours.items():
        assert qt.translate(context, source) == text


def test_the_package_finds_the_qm():
    assert i18n.qm_file("de").read_bytes() == QM.read_bytes()


# -- the calls lupdate reads -----------------------------------------------------------------------

def _translate_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in ("translate", "QT_TRANSLATE_NOOP"):
            yield node, node.args[1:2]
        elif isinstance(func, ast.Attribute) and func.attr == "tr" and isinstance(func.value, ast.Name) \
                and func.value.id == "self":
            yield node, node.args[:1]
        elif isinstance(func, ast.Attribute) and func.attr == "translate" and isinstance(func.value, ast.Name) \
                and func.value.id == "QCoreApplication":
            yield node, node.args[1:2]


def test_translated_texts_are_literals():
    """An f-string or a variable cannot be in the catalogue: lupdate would skip it (or store the
    braces of an f-string), and it would stay English. Fill placeholders with .format() after."""
    bad = []
    for path in sorted((ROOT / "tray_app").rglob("*.py")):
        for node, text_args in _translate_calls(ast.parse(path.read_text(encoding="utf-8"))):
            for arg in text_args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    continue
                # The one deliberate exception: labels marked with QT_TRANSLATE_NOOP, translated where shown.
                if path.name == "settings_controller.py" and isinstance(arg, ast.Name) and arg.id == "text":
                    continue
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not bad, "translate a literal string, then .format() it:\n" + "\n".join(bad)
