#include "util/Language.h"

#include "util/EnglishPlurals.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace tenure {

QStringList supportedLanguages()
{
    return { QStringLiteral("en"), QStringLiteral("ja") };
}

QLocale installLanguage(const QString& requested)
{
    QString language = requested;
    if (language.isEmpty())
        language = QSettings().value(QStringLiteral("ui/language")).toString();
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    installEnglishPlurals(); // "1 page": asked after the language's own translation
    const auto install = [](QTranslator* translator, bool loaded) {
        if (!loaded || !QCoreApplication::installTranslator(translator))
            delete translator;
    };
    auto* tenure = new QTranslator(QCoreApplication::instance());
    install(tenure,
            tenure->load(locale, QStringLiteral("tenure"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    auto* qt = new QTranslator(QCoreApplication::instance()); // Qt's own texts, where the system has them
    install(qt,
            qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
    return locale;
}

} // namespace tenure
