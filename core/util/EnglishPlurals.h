#pragma once

namespace tenure {

// Installs the English plural forms (":/i18n/tenure_en.qm") as the application's first
// translator, so "%n pages" reads "1 page" for one whatever the language: translators installed
// after it (Japanese) are asked first. Call once, after the QCoreApplication exists; false if the
// forms could not be loaded.
bool installEnglishPlurals();

} // namespace tenure
