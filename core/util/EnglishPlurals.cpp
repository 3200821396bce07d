#include "util/EnglishPlurals.h"

#include <QCoreApplication>
#include <QTranslator>

namespace tenure {

bool installEnglishPlurals()
{
    auto* translator = new QTranslator(QCoreApplication::instance()); // lives as long as the application
    if (!translator->load(QStringLiteral(":/i18n/tenure_en.qm"))
        || !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return false;
    }
    return true;
}

} // namespace tenure
