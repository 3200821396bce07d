#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace tenure {

// The languages Tenure speaks, in the window and on the command line alike.
QStringList supportedLanguages(); // "en", "ja"

// Chooses Tenure's language and installs its translations: `requested` (from --language), else
// the ui/language setting, else the system's. A language chosen by name becomes the default
// locale (dates and numbers follow it). Installs the English plural forms first, then Tenure's
// own translation and Qt's (where the system has them), each living as long as the application.
// Call once per application object, after it exists and before any text is made (the
// translators are its children). Returns the locale.
QLocale installLanguage(const QString& requested);

} // namespace tenure
