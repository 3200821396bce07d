#include "domain/Money.h"

#include <QLocale>

namespace tenure {

QString formatMoney(double value, const QString& currency)
{
    const QLocale locale;
    const QString figure = locale.toString(value, 'f', 0);
    if (currency == QLatin1String("JPY"))
        return QStringLiteral("¥") + figure;
    if (currency == QLatin1String("USD"))
        return QStringLiteral("$") + figure;
    if (currency == QLatin1String("EUR"))
        return QStringLiteral("€") + figure;
    if (currency == QLatin1String("GBP"))
        return QStringLiteral("£") + figure;
    if (currency.isEmpty())
        return figure; // a total of nothing, or an unknown currency: the figure alone, no stray space
    return currency + u' ' + figure;
}

} // namespace tenure
