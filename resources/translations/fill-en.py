#!/usr/bin/env python3
"""Fills tenure_en.ts, the English plural forms ("%n pages" reads "1 page" for one). English text
is the source, so only the strings counted with %n are in this file. Refresh it after changing them:
  lupdate -locations none -no-obsolete -pluralonly -target-language en ui app core \
      -ts resources/translations/tenure_en.ts
  python3 resources/translations/fill-en.py
A counted string without an entry below stops the script: every one must read right for one."""
import sys
import xml.etree.ElementTree as ET

# source text → (one, more than one)
EN = {
    "%n days left": ("%n day left", "%n days left"),
    "%n note(s) you wrote while the server was away could not be sent; they are under Show Details, to keep.": (
        "%n note you wrote while the server was away could not be sent; it is under Show Details, to keep.",
        "%n notes you wrote while the server was away could not be sent; they are under Show Details, to keep."),
    "%n days ago": ("%n day ago", "%n days ago"),
    "No activity for %n days": ("No activity for %n day", "No activity for %n days"),
    "%n days to renewal": ("%n day to renewal", "%n days to renewal"),
    "renewal within %n days": ("renewal within %n day", "renewal within %n days"),
    "%1 · %n accounts · as of %2": ("%1 · %n account · as of %2", "%1 · %n accounts · as of %2"),
    "Suggested: %n criteria. Checked on the %1 later cases (outcomes after %2, %3 churned), their ROC AUC "
    "is %4; the active rules' on the same cases: %5.":
        ("Suggested: %n criterion. Checked on the %1 later cases (outcomes after %2, %3 churned), its ROC "
         "AUC is %4; the active rules' on the same cases: %5.",
         "Suggested: %n criteria. Checked on the %1 later cases (outcomes after %2, %3 churned), their ROC "
         "AUC is %4; the active rules' on the same cases: %5."),
    "Too few outcomes: %n churn(s) recorded up to %1.":
        ("Too few outcomes: %n churn recorded up to %1.", "Too few outcomes: %n churns recorded up to %1."),
    "%n actions": ("%n action", "%n actions"),
    "%n open actions": ("%n open action", "%n open actions"),
    "%n accounts": ("%n account", "%n accounts"),
    "%n customers": ("%n customer", "%n customers"),
    "Wrote %1 (%n pages).": ("Wrote %1 (%n page).", "Wrote %1 (%n pages)."),
    "%n events": ("%n event", "%n events"),
    "%n connector cursors": ("%n connector cursor", "%n connector cursors"),
    "%n sources": ("%n source", "%n sources"),
    "%n account keys": ("%n account key", "%n account keys"),
    "%n outcomes": ("%n outcome", "%n outcomes"),
    "%n settings": ("%n setting", "%n settings"),
    "%n rule set versions": ("%n rule set version", "%n rule set versions"),
    "%n action history entries": ("%n action history entry", "%n action history entries"),
    "%n account notes": ("%n account note", "%n account notes"),
    "%n rows of %1": ("%n row of %1", "%n rows of %1"),
    "%n new events": ("%n new event", "%n new events"),
    "%n statuses": ("%n status", "%n statuses"),
    "%n rows left out: the mapping's \"when\" does not keep them (not errors).":
        ("%n row left out: the mapping's \"when\" does not keep it (not an error).",
         "%n rows left out: the mapping's \"when\" does not keep them (not errors)."),
    "%n rows": ("%n row", "%n rows"),
    "%n cases, churn %1": ("%n case, churn %1", "%n cases, churn %1"),
    "... and %n more bad rows": ("... and %n more bad row", "... and %n more bad rows"),
    "%n bad rows skipped": ("%n bad row skipped", "%n bad rows skipped"),
    "%n bad rows: nothing was imported. Fix them, or import the rest with --skip-bad-rows.":
        ("%n bad row: nothing was imported. Fix it, or import the rest with --skip-bad-rows.",
         "%n bad rows: nothing was imported. Fix them, or import the rest with --skip-bad-rows."),
}


def main(path):
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source")
        forms = EN.get(source)
        if forms is None:
            missing.append(source)
            continue
        translation = message.find("translation")
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        translation.text = None
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    if missing:
        sys.exit("fill-en.py: no English forms for:\n  " + "\n  ".join(missing))
    tree.write(path, encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "resources/translations/tenure_en.ts")
