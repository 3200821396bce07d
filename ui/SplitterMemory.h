#pragma once

#include <QString>

class QSplitter;

namespace tenure {

// Keeps a splitter where the user left it: restores its sizes from the settings under `key`
// (e.g. "rules/editorSplitter", one key per view) and saves them whenever the user moves it.
void rememberSplitter(QSplitter* splitter, const QString& key);

} // namespace tenure
